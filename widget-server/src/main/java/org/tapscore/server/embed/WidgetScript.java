package org.tapscore.server.embed;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.web.Gzip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code GET /widget.js}: the pop-up loader that other sites include, minified at build time by the
 * embed-snippets module. It is compressed once at start-up and sent gzip'd to every client that accepts it;
 * the ETag lets browsers revalidate the unversioned URL cheaply.
 *
 * <pre>routing.get("/widget.js", WidgetScript.fromClasspath());</pre>
 */
public final class WidgetScript implements Handler {
    static final String RESOURCE = "tapscore/widget.min.js";

    private final byte[] plain;
    private final byte[] gzipped;
    private final String etag;

    WidgetScript(byte[] plain) {
        this.plain = plain;
        this.gzipped = Gzip.compress(plain);
        this.etag = "\"" + sha256(plain) + "\"";
    }

    public static WidgetScript fromClasspath() {
        try (InputStream in = WidgetScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build the embed-snippets module");
            }
            return new WidgetScript(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.ETAG, etag);
        // Short: the URL never changes, so a new release reaches pages within the hour; the ETag saves the bytes.
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
        res.header(HeaderNames.VARY, "Accept-Encoding");
        res.header("X-Content-Type-Options", "nosniff");
        res.header("Cross-Origin-Resource-Policy", "cross-origin");
        if (req.headers().first(HeaderNames.IF_NONE_MATCH).map(tag -> tag.contains(etag)).orElse(false)) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/javascript; charset=UTF-8");
        if (Gzip.accepted(req.headers().first(HeaderNames.ACCEPT_ENCODING).orElse(""))) {
            res.header(HeaderNames.CONTENT_ENCODING, "gzip");
            res.send(gzipped);
        } else {
            res.send(plain);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
