package workbook.checker.sandbox;

import java.security.SecureRandom;
import org.postgresql.util.PasswordUtil;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a sandbox role's password, computed by pgjdbc with few
 * iterations. The server's default of 4096 stretches a guessable password against offline guessing; a
 * sandbox password is 24 random characters (about 140 bits) that live less than a second, so stretching
 * adds no safety, yet the client repeats those 4096 rounds at every login (about 9 ms of CPU each).
 * The login stays SCRAM, as strong as before against anyone without the password.
 */
public final class RoleSecret {
    public static final int ITERATIONS = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RoleSecret() {
    }

    /** {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, the form CREATE ROLE ... PASSWORD accepts as is. */
    public static String scramVerifier(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PasswordUtil.encodeScramSha256(password.toCharArray(), ITERATIONS, salt);
    }
}
