package org.tapscore.sdk;

import java.time.Duration;
import java.util.Optional;

/** Thrown when the server still answered 429 Too Many Requests after the retries. */
public class RateLimitedException extends TapscoreException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String message, int status, Problem problem, String requestId, Duration retryAfter,
                                Throwable cause) {
        super(message, status, problem, requestId, cause);
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After}, if it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
