package org.tapscore.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that cannot be served for a reason the client can act on. {@link ErrorMapping} turns it into an
 * RFC 9457 problem document; the message never contains internals.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;
    private final Long retryAfterSeconds;

    private ApiException(int status, String code, String title, String detail, List<FieldError> errors,
                         Map<String, Object> extensions, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String code, String detail) {
        return new ApiException(400, code, "Invalid request", detail, List.of(), Map.of(), null);
    }

    public static ApiException invalidFields(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ApiException(400, "validation", "Invalid request", detail, errors, Map.of(), null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail, List.of(), Map.of(), null);
    }

    public static ApiException forbidden(String code, String detail) {
        return new ApiException(403, code, "Forbidden", detail, List.of(), Map.of(), null);
    }

    public static ApiException notFound(String code, String detail) {
        return new ApiException(404, code, "Not found", detail, List.of(), Map.of(), null);
    }

    public static ApiException conflict(String code, String detail, Map<String, Object> extensions) {
        return new ApiException(409, code, "Conflict", detail, List.of(), extensions, null);
    }

    public static ApiException unprocessable(String code, String detail) {
        return new ApiException(422, code, "Cannot be processed", detail, List.of(), Map.of(), null);
    }

    /** A 422 that carries a report, e.g. every problem of an import file. */
    public static ApiException unprocessableWith(String code, String detail, Map<String, Object> extensions) {
        return new ApiException(422, code, "Cannot be processed", detail, List.of(), extensions, null);
    }

    public static ApiException tooLarge(long limitBytes) {
        return new ApiException(413, "body-too-large", "Request body too large",
                "The request body exceeds " + limitBytes + " bytes", List.of(), Map.of(), null);
    }

    /** An upload over the size limit, said in the units people pick files by. */
    public static ApiException fileTooLarge(long limitBytes) {
        return new ApiException(413, "file-too-large", "File too large", "The file is larger than "
                + (limitBytes >> 20) + " MB, the most one import takes; split it into smaller files", List.of(),
                Map.of(), null);
    }

    public static ApiException timeout() {
        return new ApiException(408, "request-timeout", "Request timeout",
                "The request body took too long to arrive", List.of(), Map.of(), null);
    }

    /** The client went away while sending; nobody will read the answer, and it is no error of ours. */
    public static ApiException clientGone() {
        return new ApiException(400, "incomplete-body", "Invalid request",
                "The request body ended early", List.of(), Map.of(), null);
    }

    public static ApiException unsupportedMediaType(String expected) {
        return new ApiException(415, "unsupported-media-type", "Unsupported media type",
                "Send the body as " + expected, List.of(), Map.of(), null);
    }

    /** A request the web server could not read at all; {@code status} is the one it chose (400, 431, 505…). */
    public static ApiException unreadable(int status, String detail) {
        return new ApiException(status, status == 505 ? "http-version" : "bad-request", "Invalid request", detail,
                List.of(), Map.of(), null);
    }

    public static ApiException methodNotAllowed() {
        return new ApiException(405, "method-not-allowed", "Method not allowed",
                "This address does not accept that method", List.of(), Map.of(), null);
    }

    public static ApiException gone(String code, String detail) {
        return new ApiException(410, code, "Gone", detail, List.of(), Map.of(), null);
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, "rate-limited", "Too many requests",
                "Too many requests from this client; try again in " + retryAfterSeconds + " s",
                List.of(), Map.of(), retryAfterSeconds);
    }

    public static ApiException unavailable(String detail, long retryAfterSeconds) {
        return new ApiException(503, "unavailable", "Service unavailable", detail, List.of(), Map.of(),
                retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The problem document for this exception. */
    public Map<String, Object> problem(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.type(code));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("code", code);
        if (instance != null) {
            body.put("instance", instance);
        }
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        body.putAll(extensions);
        return body;
    }

    /** One invalid input field: a JSON pointer-like path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
