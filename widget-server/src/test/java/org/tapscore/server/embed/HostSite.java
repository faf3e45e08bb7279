package org.tapscore.server.embed;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Somebody else's web site: pages served by the JDK's HTTP server from {@code http://127.0.0.1:<port>}, a
 * different origin than the Tapscore server under test ({@code http://localhost:<port>}).
 */
final class HostSite implements AutoCloseable {
    /** The host's own script: the queue stub, and recorders of Tapscore events and CSP violations. */
    static final String HOST_JS = """
            window.violations = [];
            document.addEventListener('securitypolicyviolation', function (e) {
              window.violations.push(e.violatedDirective + ' ' + e.blockedURI);
            });
            window.tapscore = window.tapscore || function () { (tapscore.q = tapscore.q || []).push(arguments); };
            window.events = [];
            ['ready', 'answered', 'completed', 'close'].forEach(function (type) {
              tapscore('on', type, function (detail) { window.events.push(type + ' ' + JSON.stringify(detail)); });
            });
            """;

    private record Page(String contentType, String body, Map<String, String> headers) {
    }

    private final HttpServer http;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    HostSite() {
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        http.createContext("/", exchange -> {
            Page page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page.body()).getBytes(StandardCharsets.UTF_8);
            if (page != null) {
                exchange.getResponseHeaders().set("Content-Type", page.contentType());
                page.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        script("/host.js", HOST_JS);
    }

    String origin() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Publishes an HTML page at {@code path} and returns its full URL. */
    String page(String path, String html, Map<String, String> headers) {
        pages.put(path, new Page("text/html; charset=UTF-8", html, headers));
        return origin() + path;
    }

    String page(String path, String html) {
        return page(path, html, Map.of());
    }

    void script(String path, String js) {
        pages.put(path, new Page("text/javascript; charset=UTF-8", js, Map.of()));
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
