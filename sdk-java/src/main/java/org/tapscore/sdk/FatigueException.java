package org.tapscore.sdk;

/**
 * Thrown when an invitation is refused because the respondent was asked too recently (409 with code
 * {@code "fatigue"}); {@link #nextAllowedAt()} says when a new invitation will be accepted. Never retried.
 *
 * <pre>{@code
 * try {
 *     client.trigger(request);
 * } catch (FatigueException e) {
 *     e.nextAllowedAt().ifPresent(at -> scheduler.schedule(request, at));
 * }
 * }</pre>
 */
public class FatigueException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public FatigueException(String message, int status, Problem problem, String requestId, Throwable cause) {
        super(message, status, problem, requestId, cause);
    }
}
