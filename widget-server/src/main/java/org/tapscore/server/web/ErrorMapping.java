package org.tapscore.server.web;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become HTTP statuses. Clients get a problem document (or, for a person in a
 * browser, a plain HTML page); stack traces go to the log only, tagged with the request id so they can be found.
 */
public final class ErrorMapping {
    private static final Logger LOG = Logger.getLogger(ErrorMapping.class.getName());

    private ErrorMapping() {
    }

    public static void register(HttpRouting.Builder routing, ErrorPages pages) {
        routing.error(ApiException.class, (req, res, e) -> respond(req, res, e, pages))
                .error(RequestException.class, (req, res, e) -> respond(req, res, fromHelidon(e), pages))
                .error(HttpException.class, (req, res, e) -> respond(req, res, fromStatus(e), pages))
                .error(Throwable.class, (req, res, e) -> {
                    if (clientWentAway(e)) {
                        LOG.log(Level.FINE, "Client went away during request " + RequestIds.of(req), e);
                        respond(req, res, ApiException.clientGone(), pages);
                        return;
                    }
                    LOG.log(Level.SEVERE, "Unhandled error in request " + RequestIds.of(req), e);
                    respond(req, res, internal(), pages);
                });
    }

    private static void respond(ServerRequest req, ServerResponse res, ApiException e, ErrorPages pages) {
        if (res.isSent()) {
            return;
        }
        if (e.status() == 401) {
            res.header("WWW-Authenticate", "Bearer");
        }
        if (e.retryAfterSeconds() != null) {
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        if (pages.wantsHtml(req)) {
            pages.send(req, res, e);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>(e.problem(req.requestedUri().path().rawPath()));
        body.put("requestId", RequestIds.of(req));
        Problem.send(res, e.status(), body);
    }

    /** A closed connection mid-request is the client's doing, not a fault to page anyone about. */
    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("InsufficientDataAvailableException") || t instanceof java.io.UncheckedIOException
                    || t instanceof java.net.SocketException) {
                return true;
            }
        }
        return false;
    }

    private static ApiException fromHelidon(RequestException e) {
        int status = e.status().code();
        if (status == 413) {
            return ApiException.tooLarge(0);
        }
        if (status >= 500) {
            LOG.log(Level.WARNING, "Request failed inside the web server", e);
            return internal();
        }
        return ApiException.badRequest("bad-request", e.safeMessage() ? e.getMessage() : "The request is malformed");
    }

    private static ApiException fromStatus(HttpException e) {
        int status = e.status().code();
        if (status == 404) {
            return ApiException.notFound("not-found", "There is nothing at this address");
        }
        if (status == 405) {
            return ApiException.methodNotAllowed();
        }
        if (status >= 500) {
            LOG.log(Level.WARNING, "Request failed inside the web server", e);
            return internal();
        }
        return ApiException.badRequest("bad-request", "The request is malformed");
    }

    private static ApiException internal() {
        return ApiException.unavailable("Something went wrong on our side; the request was not completed", 1);
    }

    /**
     * Errors the web server answers itself, before any route runs: a body over the server-wide cap, a request line
     * or header it cannot parse, a malformed percent-encoding. They get the same kind of problem document as every
     * other error, with a request id of their own, so no client is left with an empty 4xx. The server's own message
     * is only logged: it can quote the malformed input.
     *
     * @param tooLarge the 413 for a path, so an upload form says "the file is larger than 64 MB" in its own words
     */
    public static DirectHandlers transportErrors(Function<String, ApiException> tooLarge) {
        DirectHandler handler = (request, type, status, headers, message) -> {
            int code = status.code();
            ApiException e = code == 413 ? tooLarge.apply(request.path())
                    : code == 505 ? ApiException.unreadable(505, "Send the request as HTTP/1.1 or HTTP/2")
                    : code >= 400 && code < 500
                    ? ApiException.unreadable(code, "The request is malformed and was not read")
                    : internal();
            String requestId = RequestIds.newId();
            LOG.log(Level.FINE, "Refused before routing (" + requestId + "): " + code + " " + message);
            Map<String, Object> body = new LinkedHashMap<>(e.problem(null));
            body.put("requestId", requestId);
            headers.set(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
            headers.set(HeaderNames.CACHE_CONTROL, "no-store");
            headers.set(HeaderNames.create("X-Request-Id"), requestId);
            return DirectHandler.TransportResponse.builder()
                    .status(Status.create(e.status()))
                    .headers(headers)
                    // The rest of a rejected body is never read, so the connection cannot carry another request.
                    .keepAlive(false)
                    .entity(Json.bytes(body))
                    .build();
        };
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    /** Renders errors for people: the HTML views answer a browser with a page, not JSON. */
    public interface ErrorPages {
        boolean wantsHtml(ServerRequest req);

        void send(ServerRequest req, ServerResponse res, ApiException e);
    }
}
