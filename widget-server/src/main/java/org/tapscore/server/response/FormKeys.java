package org.tapscore.server.response;

import org.tapscore.server.web.Randomness;
import org.tapscore.server.web.Signer;


/**
 * Idempotency keys that the server itself hands to a survey page: a random UUID plus a signature. Whoever
 * repeats such a key must have seen the page that carried it, so a repeat may be given the edit token again
 * (a double submit or a lost answer then still leads to the follow-up). Keys chosen by clients prove nothing
 * of the sort — "order-1234-nps" can be guessed — so anonymous repeats of those never reveal the token.
 */
public final class FormKeys {
    private static final int LENGTH = 22;

    private final Signer signer;

    public FormKeys(Signer signer) {
        this.signer = signer;
    }

    public String issue() {
        String id = Randomness.uuid().toString();
        return id + "." + signer.sign("form-key", id, LENGTH);
    }

    public boolean isIssuedHere(String formKey) {
        if (formKey == null || formKey.length() != 36 + 1 + LENGTH || formKey.charAt(36) != '.') {
            return false;
        }
        return signer.verify("form-key", formKey.substring(0, 36), formKey.substring(37), LENGTH);
    }
}
