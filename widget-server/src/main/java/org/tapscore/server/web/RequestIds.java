package org.tapscore.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Gives every request an id, returned as {@code X-Request-Id} and written in problem documents and logs. */
public final class RequestIds implements Filter {
    private static final String KEY = "tapscore.requestId";

    public static String of(ServerRequest req) {
        return req.context().get(KEY, String.class).orElse("-");
    }

    /** A request id only has to be unique enough to find a log line; it is no secret. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String id = newId();
        req.context().register(KEY, id);
        res.header("X-Request-Id", id);
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.header("Referrer-Policy", "strict-origin-when-cross-origin");
        chain.proceed();
    }
}
