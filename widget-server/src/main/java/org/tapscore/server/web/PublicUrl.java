package org.tapscore.server.web;

import io.helidon.common.uri.UriInfo;
import io.helidon.webserver.http.ServerRequest;

/**
 * The address printed into links, QR codes and emails: {@code TAPSCORE_PUBLIC_URL} when set, otherwise the
 * address the request came to (right for a laptop, wrong behind a proxy — set the variable there).
 */
public final class PublicUrl {
    private final String configured;

    public PublicUrl(String configured) {
        this.configured = configured == null || configured.isBlank() ? null : configured;
    }

    public String of(ServerRequest req) {
        if (configured != null) {
            return configured;
        }
        UriInfo uri = req.requestedUri();
        return uri.scheme() + "://" + uri.authority();
    }
}
