package org.tapscore.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The kiosk view served from this machine (JDK HttpServer on the loopback interface only): the cached page and
 * assets, plus {@code POST /local/answers} (finished answers, journaled before the reply),
 * {@code POST /local/heartbeat} (the page's minute beat; the reply says how many answers wait here) and
 * {@code GET /local/status}.
 */
final class LocalServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ViewCache view;
    private final Supplier<String> campaign;
    private final AnswerSink answers;
    private final Supplier<Map<String, Object>> status;
    private final IntConsumer pageQueue;

    /** Takes a finished answer from the page; returns once it is durable, throws IllegalArgumentException if invalid. */
    interface AnswerSink {
        void accept(JsonNode answer);
    }

    LocalServer(int port, ViewCache view, Supplier<String> campaign, AnswerSink answers,
                Supplier<Map<String, Object>> status, IntConsumer pageQueue) throws IOException {
        this.view = view;
        this.campaign = campaign;
        this.answers = answers;
        this.status = status;
        this.pageQueue = pageQueue;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.setExecutor(Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "kiosk-local-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.equals("/local/answers") && method.equals("POST")) {
                takeAnswer(ex);
            } else if (path.equals("/local/heartbeat") && method.equals("POST")) {
                JsonNode beat = JSON.readTree(readBody(ex));
                if (beat != null && beat.path("queueDepth").isInt()) {
                    pageQueue.accept(beat.path("queueDepth").asInt());
                }
                send(ex, 200, "application/json", JSON.writeValueAsBytes(status.get()));
            } else if (path.equals("/local/status") && method.equals("GET")) {
                send(ex, 200, "application/json", JSON.writeValueAsBytes(status.get()));
            } else if (!method.equals("GET")) {
                send(ex, 405, "text/plain; charset=UTF-8", bytes("Method not allowed"));
            } else if (path.equals("/")) {
                ex.getResponseHeaders().set("Location", "/kiosk/" + campaign.get());
                send(ex, 303, "text/plain; charset=UTF-8", bytes("See /kiosk/" + campaign.get()));
            } else if (path.equals("/kiosk/" + campaign.get())) {
                servePage(ex);
            } else {
                serveAsset(ex, path);
            }
        } finally {
            ex.close();
        }
    }

    private void takeAnswer(HttpExchange ex) throws IOException {
        JsonNode answer;
        try {
            answer = JSON.readTree(readBody(ex));
            if (answer == null || !answer.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            answers.accept(answer);
        } catch (IOException | IllegalArgumentException e) {
            send(ex, 400, "application/json", JSON.writeValueAsBytes(Map.of("error", String.valueOf(e.getMessage()))));
            return;
        } catch (RuntimeException e) {
            // Not journaled (disk full, outbox closed): the page keeps the answer and tries again.
            send(ex, 503, "application/json", JSON.writeValueAsBytes(Map.of("error", String.valueOf(e.getMessage()))));
            return;
        }
        send(ex, 202, "application/json", bytes("{\"queued\":true}"));
    }

    private void servePage(HttpExchange ex) throws IOException {
        Optional<ViewCache.Page> page = view.page(campaign.get());
        if (page.isEmpty()) {
            // Never reached the server yet: say so and look again shortly.
            ex.getResponseHeaders().set("Refresh", "3");
            send(ex, 503, "text/html; charset=UTF-8", bytes("<!DOCTYPE html><html lang=\"en\"><title>Starting</title>"
                    + "<p style=\"font:2rem system-ui;text-align:center;margin-top:40vh\">Connecting to the survey server…</p></html>"));
            return;
        }
        if (!page.get().contentSecurityPolicy().isEmpty()) {
            ex.getResponseHeaders().set("Content-Security-Policy", page.get().contentSecurityPolicy());
        }
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        send(ex, 200, "text/html; charset=UTF-8", page.get().html());
    }

    private void serveAsset(HttpExchange ex, String path) throws IOException {
        Optional<byte[]> asset = view.asset(path);
        if (asset.isEmpty()) {
            send(ex, 404, "text/plain; charset=UTF-8", bytes("Not found"));
            return;
        }
        String type = path.endsWith(".css") ? "text/css; charset=UTF-8"
                : path.endsWith(".svg") ? "image/svg+xml" : "text/javascript; charset=UTF-8";
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        send(ex, 200, type, asset.get());
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IOException("the body is larger than " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
