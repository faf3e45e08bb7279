package org.tapscore.qr.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The 8-character code of a short QR link {@code {baseUrl}/q/{code}}, derived deterministically from the campaign
 * and the location, so the same poster always gets the same code and anyone can recompute it.
 *
 * <p>Derivation (stable; the server resolves codes with it, so never change it without a migration):
 * <ol>
 *   <li>{@code input = UTF-8 bytes of (campaign + "\n" + location)}, with {@code location = ""} when there is
 *       none;</li>
 *   <li>{@code n} = the first 8 bytes of {@code SHA-256(input)} as an unsigned big-endian 64-bit integer;</li>
 *   <li>{@code n mod 62^8}, written as exactly 8 base-62 digits, most significant first, with the alphabet
 *       {@code 0-9 A-Z a-z} (left-padded with {@code 0}).</li>
 * </ol>
 * Example: {@code ShortCode.derive("after-order", "store-7")}. With 62<sup>8</sup> ≈ 2.2·10<sup>14</sup> codes,
 * a collision among a million locations has a probability of about 0.2 %: the server should store
 * {@code code → (campaign, location)} when it issues a code and refuse a code that is already taken by another
 * pair. The code is not a secret: it only saves space in the symbol.
 */
public final class ShortCode {
    /** Characters in a code. */
    public static final int LENGTH = 8;

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9A-Za-z]{" + LENGTH + "}");
    private static final long MODULUS = pow(62, LENGTH);

    private ShortCode() {
    }

    /** The code for {@code campaign} at {@code location} ({@code null} for none). */
    public static String derive(String campaign, String location) {
        String input = campaign + "\n" + (location == null ? "" : location);
        byte[] hash = sha256(input.getBytes(StandardCharsets.UTF_8));
        long n = 0;
        for (int i = 0; i < 8; i++) {
            n = (n << 8) | (hash[i] & 0xFF);
        }
        long value = Long.remainderUnsigned(n, MODULUS);
        char[] code = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            code[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(code);
    }

    /** Whether {@code code} has the shape of a short code (8 characters of {@code 0-9A-Za-z}). */
    public static boolean isWellFormed(String code) {
        return code != null && WELL_FORMED.matcher(code).matches();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static long pow(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
