package org.tapscore.sdk;

/** Thrown when the API key is missing, wrong or lacks the right (401, 403): check the key under Admin → API keys. */
public class UnauthorizedException extends TapscoreException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message, int status, Problem problem, String requestId, Throwable cause) {
        super(message, status, problem, requestId, cause);
    }
}
