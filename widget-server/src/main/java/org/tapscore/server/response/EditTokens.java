package org.tapscore.server.response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

/**
 * The edit token lets whoever recorded a score attach the comment to it later, and nobody else. It is an HMAC
 * of the response id under a key shared by all nodes, so no token table is needed.
 */
public final class EditTokens {
    private final SecretKeySpec key;

    public EditTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String issue(UUID responseId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("edit:" + responseId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean verify(UUID responseId, String token) {
        if (token == null || token.length() > 100) {
            return false;
        }
        return MessageDigest.isEqual(issue(responseId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }
}
