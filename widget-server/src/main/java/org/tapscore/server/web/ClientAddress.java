package org.tapscore.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The client's address for rate limits. {@code X-Forwarded-For} is only believed when the operator says a
 * proxy sits in front ({@code tapscore.trust-proxy}); otherwise any client could pick its own bucket.
 */
public final class ClientAddress {
    private final boolean trustProxy;

    public ClientAddress(boolean trustProxy) {
        this.trustProxy = trustProxy;
    }

    public String of(ServerRequest req) {
        if (trustProxy) {
            String forwarded = req.headers().first(HeaderNames.X_FORWARDED_FOR).orElse("");
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            if (!first.isEmpty()) {
                return first;
            }
        }
        return req.remotePeer().host();
    }
}
