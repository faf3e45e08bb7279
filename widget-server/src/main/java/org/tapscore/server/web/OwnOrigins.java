package org.tapscore.server.web;

import io.helidon.common.uri.UriInfo;
import io.helidon.webserver.http.ServerRequest;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The origins that are this server itself: its public URL and the address the request was sent to. */
public final class OwnOrigins {
    private final String publicOrigin;

    public OwnOrigins(String publicUrl) {
        this.publicOrigin = publicUrl == null || publicUrl.isBlank() ? null : origin(URI.create(publicUrl));
    }

    public Set<String> of(ServerRequest req) {
        Set<String> origins = new HashSet<>(2);
        if (publicOrigin != null) {
            origins.add(publicOrigin);
        }
        UriInfo uri = req.requestedUri();
        int port = uri.port();
        boolean defaultPort = ("http".equals(uri.scheme()) && port == 80) || ("https".equals(uri.scheme()) && port == 443);
        origins.add((uri.scheme() + "://" + uri.host() + (defaultPort ? "" : ":" + port)).toLowerCase(Locale.ROOT));
        return origins;
    }

    private static String origin(URI uri) {
        int port = uri.getPort();
        return (uri.getScheme() + "://" + uri.getHost() + (port < 0 ? "" : ":" + port)).toLowerCase(Locale.ROOT);
    }
}
