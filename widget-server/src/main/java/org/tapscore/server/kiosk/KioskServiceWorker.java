package org.tapscore.server.kiosk;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.web.ApiException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the kiosk's service worker at the root ({@code /kiosk-sw.js}) rather than under {@code /assets/}: a
 * worker may only control pages below its own path, and it must control {@code /kiosk/…}. Browsers check it
 * for updates on every visit, so it is never cached.
 */
public final class KioskServiceWorker implements Handler {
    public static final String PATH = "/kiosk-sw.js";
    private final byte[] script;

    public KioskServiceWorker() {
        try (InputStream in = KioskServiceWorker.class.getClassLoader().getResourceAsStream("web/assets/kiosk-sw.js")) {
            if (in == null) {
                throw new IllegalStateException("web/assets/kiosk-sw.js is missing from the class path");
            }
            script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        if (script.length == 0) {
            throw ApiException.notFound("unknown-asset", "No such file");
        }
        res.header(HeaderNames.CONTENT_TYPE, "text/javascript; charset=UTF-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header("Service-Worker-Allowed", "/kiosk/");
        res.send(script);
    }
}
