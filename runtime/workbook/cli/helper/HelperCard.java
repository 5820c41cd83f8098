package workbook.cli.helper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How to reach a living helper: the loopback port it listens on and two secrets, in a file only its user
 * may read (the way Gradle's daemon is found). The helper says {@code helperSecret} first, so a command
 * that reached another program (a dead helper's port taken since) sends nothing; the command then says
 * {@code commandSecret}, so no other user's program can have a command run. A loopback socket, not a Unix
 * one: on JDK 17 opening a Unix socket starts the security providers, a fifth of a relayed command's time.
 */
record HelperCard(int port, String helperSecret, String commandSecret) {
    /** Bytes of each secret as written: 32 random bytes in hex. */
    static final int SECRET_LENGTH = 64;

    static HelperCard fresh(int port) {
        SecureRandom random = new SecureRandom();
        return new HelperCard(port, secret(random), secret(random));
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[SECRET_LENGTH / 2];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The card at {@code file}, or empty when there is none or it is not whole. */
    static Optional<HelperCard> read(Path file) {
        try {
            String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
            if (parts.length == 3 && parts[1].length() == SECRET_LENGTH && parts[2].length() == SECRET_LENGTH) {
                return Optional.of(new HelperCard(Integer.parseInt(parts[0]), parts[1], parts[2]));
            }
        } catch (IOException | NumberFormatException e) {
            // no helper, or one still writing it: as if none
        }
        return Optional.empty();
    }

    /** Writes the card whole (created private, then renamed into place), so no reader sees half of one. */
    void write(Path file) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), ".card", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(partial, port + " " + helperSecret + " " + commandSecret + "\n", StandardCharsets.US_ASCII);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Compares in constant time, so the time it takes does not tell how much of a guess was right. */
    static boolean same(byte[] said, String secret) {
        byte[] expected = secret.getBytes(StandardCharsets.US_ASCII);
        int difference = said.length ^ expected.length;
        for (int i = 0; i < Math.min(said.length, expected.length); i++) {
            difference |= said[i] ^ expected[i];
        }
        return difference == 0;
    }
}
