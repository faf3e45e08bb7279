package org.tapscore.sdk;

/** Thrown when the request was refused as invalid (400, 413, 422) or failed a client-side check before sending; retrying the same request cannot succeed. */
public class InvalidRequestException extends TapscoreException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message, int status, Problem problem, String requestId, Throwable cause) {
        super(message, status, problem, requestId, cause);
    }
}
