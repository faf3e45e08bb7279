package org.tapscore.server.invitation;

import java.security.SecureRandom;
import java.util.Base64;

/** Invitation tokens: 256 random bits, URL-safe Base64 without padding (43 characters). */
public final class InvitationTokens {
    public static final String PATTERN = "[A-Za-z0-9_-]{43}";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InvitationTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean looksValid(String token) {
        return token != null && token.matches(PATTERN);
    }
}
