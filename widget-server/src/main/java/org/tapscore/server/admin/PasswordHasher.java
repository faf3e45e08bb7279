package org.tapscore.server.admin;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Password hashes with PBKDF2-HMAC-SHA256 from the JDK, stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}.
 *
 * <p>Why these choices: people reuse passwords, so a leaked user table must not give them away. A random salt per
 * user means one guess tests one account only and precomputed tables are useless. 600,000 iterations (OWASP's
 * figure for PBKDF2-HMAC-SHA256; never fewer than 210,000) make each guess cost about a quarter of a second of
 * CPU here, which a login barely notices and an offline attacker pays for every candidate. The count is stored
 * with each hash so it can be raised later without invalidating existing passwords.
 *
 * <pre>{@code
 * String stored = PasswordHasher.hash("correct horse");
 * PasswordHasher.matches("correct horse", stored); // true
 * }</pre>
 */
public final class PasswordHasher {
    static final int ITERATIONS = 600_000;
    private static final int MIN_ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when the user does not exist, so the answer takes as long either way. */
    private static final String DUMMY = hash("not a password of anyone");

    private PasswordHasher() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** True when the password matches the stored hash; a null hash (unknown user) costs the same and fails. */
    public static boolean matches(String password, String stored) {
        boolean known = stored != null;
        String[] parts = (known ? stored : DUMMY).split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        if (iterations < MIN_ITERATIONS) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        boolean equal = MessageDigest.isEqual(expected, derive(password == null ? "" : password, salt, iterations));
        return known && equal;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
