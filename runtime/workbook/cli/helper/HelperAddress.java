package workbook.cli.helper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Where a checkout's helper listens: a Unix socket in a folder only this user may enter, named after the
 * checkout (a socket path is limited to ~100 bytes, so not inside a deep checkout). Beside it, the lock the
 * living helper holds: the operating system drops it when the helper dies, however it dies.
 */
record HelperAddress(Path socket, Path lock) {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** The checkout's address, or empty where no private folder can be had (then commands run as always). */
    static Optional<HelperAddress> of(Path checkout) {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return in(Path.of(runtime != null && !runtime.isBlank() ? runtime : System.getProperty("java.io.tmpdir")), checkout);
    }

    /** The checkout's address under {@code base}: in base/crm-workbook-USER/. */
    static Optional<HelperAddress> in(Path base, Path checkout) {
        try {
            Path folder = privateFolder(base);
            String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(checkout.toString().getBytes(StandardCharsets.UTF_8)), 0, 8);
            return Optional.of(new HelperAddress(folder.resolve(name + ".sock"), folder.resolve(name + ".lock")));
        } catch (IOException | UnsupportedOperationException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /**
     * $XDG_RUNTIME_DIR (private by definition) or the temporary folder, in a folder of this user's own. One
     * that someone else made, or that others may enter, is refused: whoever can reach the socket can run
     * commands as the learner.
     */
    private static Path privateFolder(Path base) throws IOException {
        Path folder = base.resolve("crm-workbook-" + System.getProperty("user.name"));
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                || !Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                || !Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            throw new IOException(folder + " is not this user's private folder");
        }
        return folder;
    }
}
