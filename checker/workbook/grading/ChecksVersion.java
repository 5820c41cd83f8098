package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import workbook.WorkbookHome;
import workbook.checker.task.TaskSet;

/**
 * A fingerprint of everything that decides a grade besides the submission: the task metadata and
 * setup, the reference solutions, the checker's and SQL runner's code, and the record format. When it
 * changes, every submission is graded again.
 */
public final class ChecksVersion {
    private ChecksVersion() {
    }

    public static String of(WorkbookHome home, TaskSet set) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("record format " + GradeRecord.FORMAT_VERSION).getBytes(StandardCharsets.UTF_8));
            add(digest, home.root(), set.folder());
            add(digest, home.root(), home.solutionsDir().resolve(set.lesson()));
            add(digest, home.root(), home.root().resolve("checker/workbook/checker"));
            add(digest, home.root(), home.root().resolve("runtime/workbook/sql"));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot fingerprint the checks: " + e.getMessage(), e);
        }
    }

    // exercise starter files are hashed too: harmless, and the folder's metadata is what matters
    private static void add(MessageDigest digest, Path root, Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
    }
}
