package org.tapscore.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Turns a failed HTTP answer and its problem details into the exception that says what it means. */
final class Errors {
    private Errors() {
    }

    static TapscoreException from(String call, Transport.Response response, String requestId, ObjectMapper json,
                                  Clock clock) {
        int status = response.status();
        Problem problem = problem(response, json);
        String message = message(call, status, problem, requestId);
        if (status == 400 || status == 413 || status == 422) {
            return new InvalidRequestException(message, status, problem, requestId, null);
        }
        if (status == 401 || status == 403) {
            return new UnauthorizedException(message, status, problem, requestId, null);
        }
        if (status == 404) {
            return new NotFoundException(message, status, problem, requestId, null);
        }
        if (status == 409) {
            return "fatigue".equals(problem.code())
                    ? new FatigueException(message, status, problem, requestId, null)
                    : new ConflictException(message, status, problem, requestId, null);
        }
        if (status == 429) {
            Duration retryAfter = RetryingTransport.retryAfter(response, clock).orElse(null);
            return new RateLimitedException(message, status, problem, requestId, retryAfter, null);
        }
        if (status >= 500) {
            return new ServerException(message, status, problem, requestId, null);
        }
        return new TapscoreException(message, status, problem, requestId, null);
    }

    /** The problem details, or a stand-in holding the start of the body when it is not a problem document. */
    static Problem problem(Transport.Response response, ObjectMapper json) {
        byte[] body = response.body();
        if (body.length > 0) {
            try {
                Problem problem = json.readValue(body, Problem.class);
                if (problem != null) {
                    return problem;
                }
            } catch (Exception notProblemJson) {
                // fall through: proxies and load balancers answer with HTML or plain text
            }
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return new Problem(null, null, response.status(), text.isEmpty() ? null : abbreviate(text, 200), null,
                List.of(), null);
    }

    private static String message(String call, int status, Problem problem, String requestId) {
        StringBuilder message = new StringBuilder(call).append(" answered ").append(status);
        if (problem.title() != null) {
            message.append(' ').append(problem.title());
        }
        if (problem.detail() != null) {
            message.append(": ").append(problem.detail());
        }
        if (problem.code() != null) {
            message.append(" [code ").append(problem.code()).append(']');
        }
        if (requestId != null) {
            message.append(" (request ").append(requestId).append(')');
        }
        return message.toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
