package org.tapscore.demos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A small shop on its own origin that embeds Tapscore twice: the pop-up loader and an inline iframe. It serves
 * a strict Content-Security-Policy (no 'unsafe-inline'), the recipe from embed-snippets/README.md.
 *
 * <pre>java -cp demos/target/classes org.tapscore.demos.ShopDemo --server http://localhost:8080 --port 8081</pre>
 */
public final class ShopDemo {
    private ShopDemo() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        String server = stripSlash(options.getOrDefault("server", "http://localhost:8080"));
        int port = Integer.parseInt(options.getOrDefault("port", "8081"));
        String campaign = options.getOrDefault("campaign", "demo");
        URI.create(server).toURL();

        HttpServer http = HttpServer.create(new InetSocketAddress(port), 0);
        String csp = "default-src 'self'; script-src 'self' " + server + "; frame-src " + server
                + "; style-src 'self'; img-src 'self' data:";
        http.createContext("/", exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/" -> send(exchange, 200, "text/html; charset=UTF-8", page(server, campaign), csp);
                case "/shop.css" -> send(exchange, 200, "text/css; charset=UTF-8", CSS, csp);
                case "/shop.js" -> send(exchange, 200, "text/javascript; charset=UTF-8", JS, csp);
                default -> send(exchange, 404, "text/plain; charset=UTF-8", "Not found", csp);
            }
        });
        http.start();
        System.out.println("Shop demo on http://localhost:" + port + "/ (Tapscore at " + server + ", campaign "
                + campaign + "). Ctrl+C stops it.");
    }

    static String page(String server, String campaign) {
        String c = escape(campaign);
        String s = escape(server);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Nordic Socks · Order confirmed</title>
                <link rel="stylesheet" href="/shop.css">
                <script src="/shop.js"></script>
                <script async src="%2$s/widget.js" data-campaign="%1$s" data-delay="3" data-recontact-days="0"></script>
                </head>
                <body>
                <header><strong>Nordic Socks</strong> <button id="ask" type="button">Rate us now</button></header>
                <main>
                  <h1>Thank you for your order!</h1>
                  <p>Your socks are on their way. The pop-up survey opens after 3 seconds
                     (<code>data-delay="3"</code>); the button above opens it at once (<code>tapscore('show', {force: true})</code>).</p>
                  <h2>How was checkout?</h2>
                  <iframe class="survey" src="%2$s/embed/%1$s" title="Customer survey"></iframe>
                  <h2>Events the page received</h2>
                  <ol id="log"></ol>
                </main>
                </body>
                </html>
                """.formatted(c, s);
    }

    private static final String CSS = """
            body { font-family: system-ui, sans-serif; margin: 0; color: #222; }
            header { position: sticky; top: 0; display: flex; justify-content: space-between; align-items: center;
                     padding: 12px 20px; background: #14324a; color: #fff; z-index: 10; }
            main { max-width: 720px; margin: 0 auto; padding: 20px; }
            iframe.survey { width: 100%; border: 1px solid #ddd; border-radius: 8px; display: block; }
            #log { font-family: ui-monospace, monospace; font-size: 14px; }
            """;

    /** The queue stub (calls made before widget.js arrives are queued) and the page's event log. */
    private static final String JS = """
            window.tapscore = window.tapscore || function () { (tapscore.q = tapscore.q || []).push(arguments); };
            ['ready', 'answered', 'completed', 'close'].forEach(function (type) {
              tapscore('on', type, function (detail) {
                var li = document.createElement('li');
                li.textContent = type + ' ' + JSON.stringify(detail);
                document.getElementById('log').appendChild(li);
              });
            });
            document.addEventListener('DOMContentLoaded', function () {
              document.getElementById('ask').addEventListener('click', function () { tapscore('show', {force: true}); });
            });
            """;

    private static void send(HttpExchange exchange, int status, String type, String body, String csp) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Content-Security-Policy", csp);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, String> options(String[] args) {
        java.util.HashMap<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
