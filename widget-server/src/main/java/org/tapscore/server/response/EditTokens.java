package org.tapscore.server.response;

import org.tapscore.server.web.Signer;

import java.util.UUID;

/**
 * The edit token lets whoever recorded a score attach the comment to it later, and nobody else. It is a
 * signature of the response id under the secret all nodes share, so no token table is needed.
 */
public final class EditTokens {
    private static final int LENGTH = 43;

    private final Signer signer;

    public EditTokens(Signer signer) {
        this.signer = signer;
    }

    public String issue(UUID responseId) {
        return signer.sign("edit", responseId.toString(), LENGTH);
    }

    public boolean verify(UUID responseId, String token) {
        return signer.verify("edit", responseId.toString(), token, LENGTH);
    }
}
