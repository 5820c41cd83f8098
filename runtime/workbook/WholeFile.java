package workbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file replaced whole: written under a temporary name beside it, then renamed over it, so a reader, or a
 * process killed midway, sees the old file or the new one and never half of one. No fsync: the rename alone
 * is what keeps a killed process from leaving half a file, and each call would cost a busy disk ~100 ms.
 */
public final class WholeFile {
    private WholeFile() {
    }

    /** What writes the new content into the temporary file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path partial) throws IOException;
    }

    /** Replaces {@code file} (creating it, not its folder) with what {@code content} writes. */
    public static void replace(Path file, Content content) throws IOException {
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".partial");
        try {
            content.writeTo(partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    public static void replace(Path file, byte[] content) throws IOException {
        replace(file, partial -> Files.write(partial, content));
    }

    public static void replace(Path file, String content) throws IOException {
        replace(file, content.getBytes(StandardCharsets.UTF_8));
    }
}
