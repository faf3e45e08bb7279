package org.tapscore.sdk;

import java.time.Instant;
import java.util.Optional;

/**
 * Thrown on a 409 answer: either a final refusal such as {@link FatigueException} (never retried) or a
 * concurrency conflict that persisted through every retry.
 */
public class ConflictException extends TapscoreException {
    private static final long serialVersionUID = 1L;

    private final Instant nextAllowedAt;

    public ConflictException(String message, int status, Problem problem, String requestId, Throwable cause) {
        super(message, status, problem, requestId, cause);
        this.nextAllowedAt = problem == null ? null : problem.nextAllowedAt();
    }

    /** When the server says the same request may succeed later: the instant from which it may be repeated. */
    public Optional<Instant> nextAllowedAt() {
        return Optional.ofNullable(nextAllowedAt);
    }
}
