package org.tapscore.sdk;

/** Thrown when the campaign, response or respondent does not exist (404). */
public class NotFoundException extends TapscoreException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message, int status, Problem problem, String requestId, Throwable cause) {
        super(message, status, problem, requestId, cause);
    }
}
