package org.tapscore.server.embed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;
import org.tapscore.server.web.Gzip;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /widget.js} over HTTP, the pop-up's byte budget, and the embed view's origin handling. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbedHttpTest {
    static final int LOADER_BUDGET = 2 * 1024;
    static final int FIRST_PAINT_BUDGET = 8 * 1024;

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> bytes(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return server.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a browser that accepts gzip receives for {@code path}, in bytes on the wire (before headers). */
    private int gzipTransfer(String path) {
        // Views are rendered per request and sent as they are; their gzip size is what a compressing proxy sends.
        HttpResponse<byte[]> res = bytes(path, "Accept-Encoding", "gzip");
        assertEquals(200, res.statusCode(), path);
        boolean gzipped = res.headers().firstValue("Content-Encoding").map("gzip"::equals).orElse(false);
        return gzipped ? res.body().length : Gzip.compress(res.body()).length;
    }

    @Test
    void theLoaderIsServedGzippedWithAnETagAndFitsItsBudget() throws IOException {
        HttpResponse<byte[]> gz = bytes("/widget.js", "Accept-Encoding", "gzip, deflate, br");
        assertEquals(200, gz.statusCode());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals("text/javascript; charset=UTF-8", gz.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(gz.headers().firstValue("Cache-Control").orElseThrow().contains("max-age="));
        assertTrue(gz.headers().firstValue("Vary").orElseThrow().contains("Accept-Encoding"));
        String etag = gz.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> plain = bytes("/widget.js");
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            assertArrayEquals(plain.body(), in.readAllBytes());
        }
        assertEquals(304, bytes("/widget.js", "If-None-Match", etag).statusCode());

        System.out.printf("[size] /widget.js: %d bytes minified, %d bytes min+gzip (budget %d)%n",
                plain.body().length, gz.body().length, LOADER_BUDGET);
        assertTrue(gz.body().length <= LOADER_BUDGET, "loader is " + gz.body().length + " bytes gzip");
    }

    @Test
    void gzipIsSentOnlyWhenAccepted() {
        assertTrue(Gzip.accepted("gzip"));
        assertTrue(Gzip.accepted("br, GZIP;q=0.5"));
        assertTrue(!Gzip.accepted("gzip;q=0"));
        assertTrue(!Gzip.accepted("identity"));
        assertTrue(!Gzip.accepted(""));
    }

    @Test
    void everythingThePopupLoadsBeforeItsFirstPaintFitsTheBudget() {
        String view = "/embed/demo?ch=POPUP&origin=" + URLEncoder.encode("https://shop.example", StandardCharsets.UTF_8)
                + "&page=" + URLEncoder.encode("https://shop.example/checkout/done", StandardCharsets.UTF_8);
        HttpResponse<String> html = server.get(view);
        assertEquals(200, html.statusCode());
        // The document's own stylesheets and scripts: what the browser must fetch before it can paint.
        List<String> assets = new ArrayList<>();
        Matcher m = Pattern.compile("<(?:link|script)[^>]+(?:href|src)=\"(/[^\"]+)\"").matcher(html.body());
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertTrue(assets.size() >= 2, "css and js expected: " + assets);

        // The server compresses the loader and the assets itself; the view's HTML is counted as gzip would send it.
        int loader = gzipTransfer("/widget.js");
        int document = gzipTransfer(view);
        int total = loader + document;
        StringBuilder parts = new StringBuilder("loader " + loader + " + document " + document);
        for (String asset : assets) {
            int size = gzipTransfer(asset);
            total += size;
            parts.append(" + ").append(asset).append(' ').append(size);
        }
        System.out.printf("[size] pop-up before first paint: %d bytes gzip (%s; budget %d)%n",
                total, parts, FIRST_PAINT_BUDGET);
        assertTrue(total <= FIRST_PAINT_BUDGET, "the pop-up needs " + total + " bytes gzip before its first paint");
    }

    @Test
    void theEmbedViewEchoesOnlyAnAllowedParentOriginAndAPlainPageUrl() {
        HttpResponse<String> created = server.postJson("/api/v1/campaigns", """
                {"id": "origins-only", "name": "Origins", "type": "NPS", "allowedOrigins": ["https://shop.example"],
                 "texts": {"en": {"question": "Recommend us?"}}}""", "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, created.statusCode(), created.body());

        String allowed = server.get("/embed/origins-only?origin=https://shop.example&page=https://shop.example/a").body();
        assertTrue(allowed.contains("data-parent-origin=\"https://shop.example\""));
        assertTrue(allowed.contains("data-page-url=\"https://shop.example/a\""));

        String other = server.get("/embed/origins-only?origin=https://evil.example&page=javascript:alert(1)").body();
        assertTrue(other.contains("data-parent-origin=\"\""));
        assertTrue(other.contains("data-page-url=\"\""));

        HttpResponse<String> view = server.get("/embed/origins-only");
        assertTrue(view.headers().firstValue("Content-Security-Policy").orElseThrow()
                .endsWith("frame-ancestors 'self' https://shop.example"));
    }

    @Test
    void apiWritesFromAnOriginOutsideTheListAreForbidden() {
        server.postJson("/api/v1/campaigns", """
                {"id": "origins-api", "name": "Origins", "type": "NPS", "allowedOrigins": ["https://shop.example"],
                 "texts": {"en": {"question": "Recommend us?"}}}""", "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        String body = "{\"campaign\": \"origins-api\", \"score\": 8, \"channel\": \"EMBED\", \"idempotencyKey\": \"origin-test-1\"}";
        assertEquals(403, server.postJson("/api/v1/responses", body, "Origin", "https://evil.example").statusCode());
        assertEquals(201, server.postJson("/api/v1/responses", body, "Origin", "https://shop.example").statusCode());
    }
}
