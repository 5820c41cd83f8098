package workbook.checker.run;

import java.io.IOException;
import java.io.InputStream;
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
    /** An exercise file is a few lines of SQL; anything this big is a mistake or an attack, and is not read. */
    int MAX_FILE_BYTES = 1 << 20;

    /** The bytes of {@code file} (e.g. 01-add-columns.sql); empty when there is no such file. */
    Optional<byte[]> read(String file) throws IOException;

    /** The files of a folder; one that is not a regular file (a pipe, a device) is as good as missing, never opened. */
    static SubmittedFiles in(Path folder) {
        return file -> {
            Path path = folder.resolve(file);
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            return Optional.of(readCapped(Files.newInputStream(path)));
        };
    }

    /** Reads (and closes) {@code in}, refusing a file past {@link #MAX_FILE_BYTES} without reading further. */
    static byte[] readCapped(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException("larger than " + (MAX_FILE_BYTES >> 20) + " MiB; an exercise file is a few lines of SQL");
            }
            return bytes;
        }
    }

    static SubmittedFiles of(Map<String, byte[]> files) {
        return file -> Optional.ofNullable(files.get(file));
    }
}
