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
import workbook.cli.UserError;

/**
 * The class as the submissions folder lists it: one student per folder or .zip, named by the entry.
 * Other files are ignored and listed; hidden entries (.DS_Store, .git) are skipped silently.
 *
 * @param entries    one per student, sorted by name
 * @param ignored    entries that are not submissions, e.g. "README.txt (not a folder or .zip)"
 * @param conflicts  entries skipped because another entry already names the same student
 */
public record SubmissionsFolder(Path folder, List<Entry> entries, List<String> ignored, List<Entry> conflicts) {

    /** One student's entry in the folder. */
    public record Entry(String student, Path path) {
    }

    public static SubmissionsFolder scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw UserError.badInput("No submissions folder " + folder + " (--submissions names a folder with one folder or .zip per student).");
        }
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
}
