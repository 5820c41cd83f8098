package workbook.cli.helper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Where a checkout's helper is found: in a folder only this user may enter, named after the checkout, the
 * helper's card (its loopback port and two secrets, {@link HelperCard}) and the lock the living helper holds:
 * the operating system drops it when the helper dies, however it dies.
 */
record HelperAddress(Path card, Path lock) {
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
            // a helper that speaks another version of the protocol is never asked, so it must never hold up a new one
            String suffix = "-v" + HelperRequest.VERSION;
            String name = Long.toHexString(fnv1a(checkout.toString().getBytes(StandardCharsets.UTF_8)));
            return Optional.of(new HelperAddress(folder.resolve(name + suffix + ".helper"), folder.resolve(name + suffix + ".lock")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * FNV-1a, 64 bits: a name per checkout without starting the JDK's security providers (a fifth of a relayed
     * command's own time). Two checkouts that met on one name would only make each other's helper retire:
     * the key of the code a helper serves names its checkout.
     */
    private static long fnv1a(byte[] bytes) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /**
     * $XDG_RUNTIME_DIR (private by definition) or the temporary folder, in a folder of this user's own. One
     * that someone else made, or that others may enter, is refused: whoever reads the card can run commands
     * as the learner.
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
