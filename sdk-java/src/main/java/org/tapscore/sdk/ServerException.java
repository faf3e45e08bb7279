package org.tapscore.sdk;

/** Thrown when the server failed (5xx) on every attempt. */
public class ServerException extends TapscoreException {
    private static final long serialVersionUID = 1L;

    public ServerException(String message, int status, Problem problem, String requestId, Throwable cause) {
        super(message, status, problem, requestId, cause);
    }
}
