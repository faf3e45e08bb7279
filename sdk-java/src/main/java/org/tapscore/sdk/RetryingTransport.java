package org.tapscore.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The one place where calls are retried: a decorator around the pluggable {@link Transport}.
 *
 * <p>An attempt is retried when it failed with an I/O error or timeout, or answered 408, 409 (unless the problem
 * {@code code} is a final one such as {@code fatigue}), 429 or 5xx, and fewer than {@code maxRetries} retries were
 * made. The wait before retry {@code n} (1, 2, …) is
 *
 * <ul>
 *   <li>the server's {@code Retry-After} (seconds or an HTTP date), exactly, when the answer carries one; a
 *       {@code Retry-After} longer than {@code maxRetryAfter} ends the retries instead, so a caller is never
 *       blocked for minutes;</li>
 *   <li>otherwise "full jitter": {@code random.nextDouble() × min(maxBackoff, initialBackoff × 2^(n−1))}, which
 *       spreads clients that failed together over the whole window instead of letting them return in waves.</li>
 * </ul>
 *
 * <p>The request is sent unchanged on every attempt, so a key made before the first attempt (the idempotency key
 * in a body or in the {@code Idempotency-Key} header) is carried by every retry.
 */
final class RetryingTransport implements Transport {
    /** 409 codes that describe a decision, not a race: repeating the request cannot change the answer. */
    static final Set<String> FINAL_CONFLICT_CODES = Set.of("fatigue");

    private final Transport delegate;
    private final ObjectMapper json;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RandomGenerator random;

    RetryingTransport(Transport delegate, ObjectMapper json, int maxRetries, Duration initialBackoff,
                      Duration maxBackoff, Duration maxRetryAfter, Sleeper sleeper, Clock clock,
                      RandomGenerator random) {
        this.delegate = delegate;
        this.json = json;
        this.maxRetries = maxRetries;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxRetryAfter = maxRetryAfter;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        for (int retry = 1; ; retry++) {
            Response response = null;
            IOException failure = null;
            try {
                response = delegate.send(request);
            } catch (IOException e) {
                failure = e;
            }
            if (failure == null && !isRetryable(response)) {
                return response;
            }
            Duration wait = retry > maxRetries ? null : waitBefore(retry, response);
            if (wait == null) {
                if (failure != null) {
                    throw failure;
                }
                return response;
            }
            sleeper.sleep(wait);
        }
    }

    boolean isRetryable(Response response) {
        int status = response.status();
        if (status == 409) {
            return !FINAL_CONFLICT_CODES.contains(problemCode(response));
        }
        return status == 408 || status == 429 || status >= 500;
    }

    /** The wait before retry number {@code retry}, or {@code null} when the server asks for too long a pause. */
    Duration waitBefore(int retry, Response response) {
        Optional<Duration> retryAfter = response == null ? Optional.empty() : retryAfter(response, clock);
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(maxRetryAfter) > 0 ? null : retryAfter.get();
        }
        return backoff(retry);
    }

    /** Full jitter: a uniformly random wait between zero and the capped exponential window. */
    Duration backoff(int retry) {
        long window = initialBackoff.toNanos();
        for (int i = 1; i < retry && window < maxBackoff.toNanos(); i++) {
            window *= 2;
        }
        window = Math.min(window, maxBackoff.toNanos());
        return Duration.ofNanos((long) (random.nextDouble() * window));
    }

    /** {@code Retry-After} as delta-seconds or as an HTTP date, never negative. */
    static Optional<Duration> retryAfter(Response response, Clock clock) {
        Optional<String> header = response.header("Retry-After").map(String::trim);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private String problemCode(Response response) {
        try {
            JsonNode code = json.readTree(response.body()).path("code");
            return code.isTextual() ? code.asText() : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
