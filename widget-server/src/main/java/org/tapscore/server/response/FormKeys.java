package org.tapscore.server.response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

/**
 * Idempotency keys that the server itself hands to a survey page: a random UUID plus a signature. Whoever
 * repeats such a key must have seen the page that carried it, so a repeat may be given the edit token again
 * (a double submit or a lost answer then still leads to the follow-up). Keys chosen by clients prove nothing
 * of the sort — "order-1234-nps" can be guessed — so anonymous repeats of those never reveal the token.
 */
public final class FormKeys {
    private final SecretKeySpec key;

    public FormKeys(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String issue() {
        String id = UUID.randomUUID().toString();
        return id + "." + signature(id);
    }

    public boolean isIssuedHere(String formKey) {
        if (formKey == null) {
            return false;
        }
        int dot = formKey.indexOf('.');
        if (dot != 36) {
            return false;
        }
        return MessageDigest.isEqual(signature(formKey.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                formKey.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("form-key:" + id).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
