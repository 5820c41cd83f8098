package workbook.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import workbook.FileTrees;

/**
 * A data folder fresh from initdb, kept in {@code .workbook/grading/initdb-<key>/} and copied for each
 * throwaway cluster: copying its thousand files takes a fraction of initdb's 0.6 s. The key covers the
 * binaries and the settings, so changing either makes a new one; a folder that is not complete is never
 * copied (it appears under its name only once written in full).
 */
final class InitdbCopy {
    /** Bump when what initdb is asked for changes in a way the key does not see. */
    private static final String FORMAT = "1";

    private final Path kept;

    InitdbCopy(Path root, EmbeddedBinaries binaries, String settings) {
        this.kept = root.resolve("initdb-" + key(binaries.root().toString() + "\n" + settings));
    }

    /** Makes {@code dataDir} a fresh cluster: a copy of the kept one, or initdb (then kept for next time). */
    void initialise(Path dataDir, EmbeddedCluster cluster, String settings) {
        if (Files.isDirectory(kept)) {
            try {
                FileTrees.copyTree(kept, dataDir);
                return;
            } catch (IOException e) {
                deleteQuietly(dataDir); // initdb below, as if nothing were kept
            }
        }
        cluster.initialise(dataDir, settings);
        keep(dataDir);
    }

    private void keep(Path dataDir) {
        Path partial = kept.resolveSibling(kept.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(kept.getParent());
            FileTrees.copyTree(dataDir, partial);
            Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(partial); // another run kept one first
        } catch (IOException e) {
            deleteQuietly(partial); // only a speed-up: the next run runs initdb again
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (Files.exists(dir)) {
                FileTrees.deleteTree(dir);
            }
        } catch (IOException ignored) {
            // a leftover copy is harmless
        }
    }

    private static String key(String what) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(FORMAT, what)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
