package org.tapscore.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

import java.util.Map;

/** Writes RFC 9457 problem documents. */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    /** Problem types are stable URNs, so clients can switch on them without following a link. */
    static String type(String code) {
        return "urn:tapscore:problem:" + code;
    }

    public static void send(ServerResponse res, int status, Map<String, Object> body) {
        res.status(Status.create(status));
        res.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(Json.bytes(body));
    }
}
