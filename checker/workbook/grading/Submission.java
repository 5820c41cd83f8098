package workbook.grading;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One student's work as read from the submissions folder, held in memory: the exercise files found
 * (by file name, e.g. {@code 01-add-columns.sql}), which were missing, and what else was there.
 *
 * @param student  the entry's name (a folder, or a zip without .zip): the student's name in every report
 * @param entry    the entry as found, e.g. {@code alice.zip}
 * @param files    exercise file name to its bytes, as submitted
 * @param missing  exercise files not found (graded as empty)
 * @param stray    other files, ignored and listed ("notes.txt", "exercises/lesson3/tasks.toml")
 * @param folder   where in the entry the exercise files were, as the student sees it: "" at the top,
 *                 {@code exercises/lesson3/}, or {@code alice/} in a zip that wraps them; feedback names files so
 */
public record Submission(String student, String entry, Map<String, byte[]> files, List<String> missing, List<String> stray,
                         String folder) {

    public Submission {
        files = Map.copyOf(files);
        missing = List.copyOf(missing);
        stray = List.copyOf(stray);
        folder = folder == null ? "" : folder;
    }

    /** A submission whose files were at the top of its entry. */
    public Submission(String student, String entry, Map<String, byte[]> files, List<String> missing, List<String> stray) {
        this(student, entry, files, missing, stray, "");
    }

    /** SHA-256 over the exercise files only: stray files and the entry's form (zip or folder) do not change a grade. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(file.getValue().length).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
