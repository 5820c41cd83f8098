package workbook.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import workbook.UserError;

/**
 * The class as the submissions folder lists it: one student per folder or .zip, named by the entry.
 * Other files are ignored and listed, the reports folder too when it sits in there; hidden entries
 * (.DS_Store, .git) are skipped silently.
 *
 * @param entries    one per student, sorted by name
 * @param ignored    entries that are not submissions, e.g. "README.txt (not a folder or .zip)"
 * @param conflicts  entries skipped because another entry already names the same student
 */
public record SubmissionsFolder(Path folder, List<Entry> entries, List<String> ignored, List<Entry> conflicts) {

    /** One student's entry in the folder. */
    public record Entry(String student, Path path) {
    }

    /** The class in {@code folder}, whose reports go elsewhere. */
    public static SubmissionsFolder scan(Path folder) {
        return scan(folder, null);
    }

    /**
     * The class in {@code folder}, its reports going to {@code reports} (--out): skipped when that is an
     * entry of the folder, refused when it is the folder itself or lies inside a student's entry, whose
     * reports would be read back as that student's files at the next run.
     */
    public static SubmissionsFolder scan(Path folder, Path reports) {
        if (!Files.isDirectory(folder)) {
            throw UserError.badInput("No submissions folder " + folder + " (--submissions names a folder with one folder or .zip per student).");
        }
        String reportsEntry = reports == null ? null : reportsEntry(folder, reports);
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.sorted().toList();
        } catch (IOException e) {
            throw UserError.badInput("Cannot list the submissions folder " + folder + ": " + e.getMessage());
        }
        List<Entry> entries = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<Entry> conflicts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.equals(reportsEntry)) {
                ignored.add(name + " (the reports folder, --out)");
                continue;
            }
            if (name.startsWith(".")) {
                continue;
            }
            boolean submission = Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) || SubmissionReader.isZip(child);
            if (!submission) {
                ignored.add(name + (Files.isSymbolicLink(child) ? " (a link, not followed)" : " (not a folder or .zip)"));
                continue;
            }
            Entry entry = new Entry(SubmissionReader.studentName(child), child);
            if (entry.student().isBlank() || entry.student().startsWith(".")) {
                ignored.add(name + " (no student name)");
            } else if (!seen.add(entry.student())) {
                conflicts.add(entry);
            } else {
                entries.add(entry);
            }
        }
        return new SubmissionsFolder(folder, List.copyOf(entries), List.copyOf(ignored), List.copyOf(conflicts));
    }

    /** The name of the entry of {@code folder} that {@code reports} is, or null when it is none; refuses the unsafe places. */
    private static String reportsEntry(Path folder, Path reports) {
        Path base = resolved(folder);
        Path out = resolved(reports);
        if (out.equals(base)) {
            throw UserError.badInput("--out " + reports + " is the submissions folder; the reports need their own.");
        }
        if (!out.startsWith(base)) {
            return null;
        }
        String entry = base.relativize(out).getName(0).toString();
        if (out.getParent().equals(base)) {
            return entry;
        }
        if (entry.startsWith(".")) {
            return null; // a hidden entry is never read, so reports inside one are no student's files
        }
        throw UserError.badInput("--out " + reports + " is in the submission " + entry + "; put the reports elsewhere.");
    }

    /** The path with every link in its existing part resolved, so a folder reached two ways compares equal. */
    static Path resolved(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
