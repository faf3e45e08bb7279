package org.tapscore.server.web;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HMAC-SHA256 under the cluster's shared secret, for capabilities that need no table: whoever holds a value's
 * signature got it from us. Each use names its own purpose, so a signature made for one can never pass as another.
 */
public final class Signer {
    private final SecretKeySpec key;

    public Signer(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The URL-safe signature of {@code value} for {@code purpose}, cut to {@code length} characters. */
    public String sign(String purpose, String value, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares in constant time, so the time taken tells nothing about how much of a guess was right. */
    public boolean verify(String purpose, String value, String signature, int length) {
        if (signature == null || signature.length() != length) {
            return false;
        }
        return MessageDigest.isEqual(sign(purpose, value, length).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
