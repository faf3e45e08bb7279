package org.tapscore.sdk;

/** Thrown when no HTTP answer arrived: connection refused or dropped, DNS failure or a timeout, on every attempt. */
public class NetworkException extends TapscoreException {
    private static final long serialVersionUID = 1L;

    public NetworkException(String message, int status, Problem problem, String requestId, Throwable cause) {
        super(message, status, problem, requestId, cause);
    }
}
