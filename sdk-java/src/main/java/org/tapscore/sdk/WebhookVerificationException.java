package org.tapscore.sdk;

/** Thrown by {@link WebhookVerifier} when a webhook's signature or timestamp is not acceptable. */
public class WebhookVerificationException extends TapscoreException {
    private static final long serialVersionUID = 1L;

    public WebhookVerificationException(String message) {
        super(message, null);
    }
}
