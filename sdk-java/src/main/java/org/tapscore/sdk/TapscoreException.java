package org.tapscore.sdk;

import java.util.List;
import java.util.Objects;

/**
 * The one unchecked exception type of the SDK; every failure of a call is a {@code TapscoreException} or one of
 * its subclasses, chosen by meaning:
 *
 * <ul>
 *   <li>{@link InvalidRequestException}: 400, 413, 422 or a client-side check (never retried)</li>
 *   <li>{@link UnauthorizedException}: 401, 403</li>
 *   <li>{@link NotFoundException}: 404</li>
 *   <li>{@link ConflictException} and its {@link FatigueException}: 409</li>
 *   <li>{@link RateLimitedException}: 429 after the retries</li>
 *   <li>{@link ServerException}: 5xx after the retries</li>
 *   <li>{@link NetworkException}: I/O errors and timeouts after the retries</li>
 * </ul>
 *
 * <p>The server's RFC 9457 problem details are exposed as {@link #status()}, {@link #code()}, {@link #title()},
 * {@link #detail()} and {@link #errors()}; {@link #requestId()} is the server's {@code X-Request-Id}, worth quoting
 * when asking for support.
 *
 * <pre>{@code
 * try {
 *     client.trigger(request);
 * } catch (FatigueException e) {
 *     reschedule(e.nextAllowedAt());
 * } catch (TapscoreException e) {
 *     log.warn("Tapscore said " + e.status() + " " + e.code() + " (request " + e.requestId() + ")");
 * }
 * }</pre>
 */
public class TapscoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String requestId;
    private final String type;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    /** Creates an exception from a server's problem details; {@code status} 0 means no HTTP answer was involved. */
    public TapscoreException(String message, int status, Problem problem, String requestId, Throwable cause) {
        super(message, cause);
        Problem p = problem == null ? Problem.EMPTY : problem;
        this.status = status;
        this.code = p.code();
        this.requestId = requestId;
        this.type = p.type();
        this.title = p.title();
        this.detail = p.detail();
        this.errors = p.errors() == null ? List.of() : List.copyOf(p.errors());
    }

    /** Creates an exception that did not come from an HTTP answer. */
    public TapscoreException(String message, Throwable cause) {
        this(message, 0, null, null, cause);
    }

    /** The HTTP status, or 0 when the failure happened before or without an HTTP answer. */
    public int status() {
        return status;
    }

    /** The problem's machine-readable {@code code} (for example {@code "fatigue"}), or {@code null}. */
    public String code() {
        return code;
    }

    /** The server's {@code X-Request-Id} of the last attempt, or {@code null}. */
    public String requestId() {
        return requestId;
    }

    /** The problem's {@code type} URI, or {@code null}. */
    public String type() {
        return type;
    }

    /** The problem's short {@code title}, or {@code null}. */
    public String title() {
        return title;
    }

    /** The problem's {@code detail}: what went wrong with this request, or {@code null}. */
    public String detail() {
        return detail;
    }

    /** Per-field validation errors ({@code errors} in the problem), never {@code null}. */
    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field of a request, as reported in the problem's {@code errors} list. */
    public record FieldError(String field, String message) {
        public FieldError {
            Objects.requireNonNull(field, "field");
        }
    }
}
