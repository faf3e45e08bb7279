package org.tapscore.server.web;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Unpredictable bytes and ids for the hot paths (every answer gets an id, every page a nonce and a form key).
 * The JDK's default SecureRandom on Linux reads /dev/urandom under a global lock on each call, which showed up
 * as the largest single cost of serving a page; a DRBG seeded once from the system is as unpredictable and
 * needs no system call per value.
 */
public final class Randomness {
    private static final SecureRandom STRONG = create();

    private Randomness() {
    }

    public static SecureRandom strong() {
        return STRONG;
    }

    /** A random (version 4) UUID. */
    public static UUID uuid() {
        byte[] bytes = new byte[16];
        STRONG.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low);
    }

    private static SecureRandom create() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
