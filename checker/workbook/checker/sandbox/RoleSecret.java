package workbook.checker.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for a sandbox role's password, computed here with few
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
        try {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
            byte[] serverKey = hmac(salted, "Server Key");
            Base64.Encoder b64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + ITERATIONS + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey) + ":" + b64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute a SCRAM verifier: " + e.getMessage(), e);
        }
    }

    private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
