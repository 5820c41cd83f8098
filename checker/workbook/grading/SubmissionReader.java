package workbook.grading;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import workbook.checker.run.SubmittedFiles;

/**
 * Reads one entry of a submissions folder (a folder, or a .zip of one) into memory. Submissions are
 * untrusted: nothing is extracted to disk, only regular files are opened (no links, named pipes or
 * devices), zip entry names that climb out ({@code ../}) or start at the root are ignored, and only the
 * exercise files are decompressed, each capped, so a zip bomb costs nothing.
 */
public final class SubmissionReader {
    /** More entries than any real submission; walking or listing stops there. */
    static final int MAX_ENTRIES = 10_000;
    /** Stray files are listed in the feedback up to this many. */
    static final int MAX_LISTED = 30;

    private final List<String> exerciseFiles;

    /** @param exerciseFiles the file names a submission should hold, e.g. 01-add-columns.sql */
    public SubmissionReader(List<String> exerciseFiles) {
        this.exerciseFiles = List.copyOf(exerciseFiles);
    }

    /** The student's name for an entry: the folder's name, or the zip's without .zip. */
    public static String studentName(Path entry) {
        String name = entry.getFileName().toString();
        return isZip(entry) ? name.substring(0, name.length() - 4) : name;
    }

    public static boolean isZip(Path entry) {
        return entry.getFileName().toString().toLowerCase().endsWith(".zip") && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
    }

    public Submission read(Path entry) {
        String student = studentName(entry);
        String shown = entry.getFileName().toString();
        if (isZip(entry)) {
            return readZip(entry, student, shown);
        }
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return readFolder(entry, student, shown);
        }
        throw new UnreadableSubmission(shown + " is neither a folder nor a .zip");
    }

    private Submission readFolder(Path folder, String student, String shown) {
        List<Found> found = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // a clone from GitHub Classroom carries its .git: thousands of files nobody submitted
                    return dir.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    String relative = folder.relativize(p).toString().replace('\\', '/');
                    if (attrs.isRegularFile()) {
                        found.add(new Found(relative, () -> SubmittedFiles.readCapped(Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)), ""));
                    } else {
                        // opening a named pipe waits for a writer that never comes; a device or socket is no exercise either
                        found.add(new Found(relative, null, attrs.isSymbolicLink() ? " (a link, not followed)" : " (not a regular file, not read)"));
                    }
                    return found.size() > MAX_ENTRIES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UnreadableSubmission(shown + ": cannot read the folder: " + e.getMessage());
        }
        return assemble(student, shown, found);
    }

    private Submission readZip(Path zip, String student, String shown) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<Found> found = new ArrayList<>();
            var entries = file.entries();
            while (entries.hasMoreElements() && found.size() <= MAX_ENTRIES) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName().replace('\\', '/');
                while (name.startsWith("./")) {
                    name = name.substring(2);
                }
                boolean unsafe = name.startsWith("/") || name.matches("^[A-Za-z]:.*") || List.of(name.split("/")).contains("..");
                found.add(new Found(name, unsafe ? null : () -> SubmittedFiles.readCapped(file.getInputStream(e)),
                        unsafe ? " (a path outside the zip, ignored)" : ""));
            }
            return assemble(student, shown, found);
        } catch (ZipException e) {
            throw new UnreadableSubmission(shown + " is not a readable zip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UnreadableSubmission(shown + ": cannot read it: " + e.getMessage());
        }
    }

    /**
     * The exercise files are taken from the one folder inside the entry that holds most of them (the
     * entry itself, exercises/lesson3/, or a folder the zip wrapped them in); the shallowest wins a tie.
     */
    private Submission assemble(String student, String shown, List<Found> found) {
        if (found.size() > MAX_ENTRIES) {
            throw new UnreadableSubmission(shown + " holds more than " + MAX_ENTRIES + " files; a submission is five SQL files");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Found f : found) {
            if (f.loader != null && exerciseFiles.contains(fileName(f.path))) {
                counts.merge(parent(f.path), 1, Integer::sum);
            }
        }
        String base = counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> -e.getKey().length()))
                .map(Map.Entry::getKey).orElse("");
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> stray = new ArrayList<>();
        for (Found f : found) {
            if (f.loader != null && parent(f.path).equals(base) && exerciseFiles.contains(fileName(f.path))) {
                try {
                    files.put(fileName(f.path), f.loader.load());
                } catch (IOException e) {
                    throw new UnreadableSubmission(shown + ": cannot read " + f.path + ": " + e.getMessage());
                }
            } else {
                stray.add(f.path + f.remark);
            }
        }
        stray.sort(null);
        if (stray.size() > MAX_LISTED) {
            int more = stray.size() - MAX_LISTED;
            stray = new ArrayList<>(stray.subList(0, MAX_LISTED));
            stray.add("… and " + more + " more");
        }
        List<String> missing = exerciseFiles.stream().filter(n -> !files.containsKey(n)).toList();
        return new Submission(student, shown, files, missing, stray, base);
    }


    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    private record Found(String path, Loader loader, String remark) {
    }

    @FunctionalInterface
    private interface Loader {
        byte[] load() throws IOException;
    }

    /** A submission that cannot be graded at all; its message says why, for the summary. */
    public static final class UnreadableSubmission extends RuntimeException {
        public UnreadableSubmission(String message) {
            super(message);
        }
    }
}
