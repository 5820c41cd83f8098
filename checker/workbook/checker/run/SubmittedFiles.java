package workbook.checker.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the checker finds a learner's exercise files: a folder (the learner's own checkout), or files a
 * grader has already read from a submission (a folder or a zip), which then need no copy on disk.
 */
@FunctionalInterface
public interface SubmittedFiles {
    /** The bytes of {@code file} (e.g. 01-add-columns.sql); empty when there is no such file. */
    Optional<byte[]> read(String file) throws IOException;

    static SubmittedFiles in(Path folder) {
        return file -> {
            Path path = folder.resolve(file);
            return Files.isRegularFile(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        };
    }

    static SubmittedFiles of(Map<String, byte[]> files) {
        return file -> Optional.ofNullable(files.get(file));
    }
}
