package org.tapscore.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Tapscore server stand-in on the JDK's HttpServer: it plays scripted answers first (503, a problem, a dropped
 * connection …), then behaves like the real server for {@code POST /api/v1/responses}: it stores each
 * idempotency key once, answers 201 the first time and 200 with the same body for repeats.
 */
final class ScriptedServer implements AutoCloseable {
    static final ObjectMapper JSON = Json.mapper();

    /** One received request. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A scripted answer to one request. */
    @FunctionalInterface
    interface Action {
        void answer(ScriptedServer server, HttpExchange exchange, Received request) throws IOException;
    }

    private final HttpServer http;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Action> script = new ConcurrentLinkedDeque<>();
    private final Map<String, Action> routes = new ConcurrentHashMap<>();
    final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    /** Stored answers by idempotency key, and how often each key was stored (must stay 1). */
    final Map<String, ObjectNode> stored = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> storeCount = new ConcurrentHashMap<>();
    final AtomicInteger replays = new AtomicInteger();
    volatile long delayMillis;
    volatile int unavailableStatus;

    ScriptedServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    String url() {
        return "http://" + http.getAddress().getHostString() + ":" + http.getAddress().getPort();
    }

    /** Queues scripted answers for the next requests, whatever their path. */
    ScriptedServer then(Action... actions) {
        script.addAll(List.of(actions));
        return this;
    }

    /** Answers {@code METHOD /path} (without query) with {@code action} whenever no scripted answer is queued. */
    ScriptedServer route(String methodAndPath, Action action) {
        routes.put(methodAndPath, action);
        return this;
    }

    List<Received> received(String method, String path) {
        synchronized (received) {
            return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8));
            received.add(request);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            Action scripted = script.pollFirst();
            if (scripted != null) {
                scripted.answer(this, exchange, request);
            } else if (unavailableStatus > 0) {
                status(unavailableStatus).answer(this, exchange, request);
            } else {
                Action route = routes.get(request.method() + " " + request.path());
                if (route != null) {
                    route.answer(this, exchange, request);
                } else if (request.method().equals("POST") && request.path().equals("/api/v1/responses")) {
                    store(exchange, request);
                } else {
                    problem(404, "not_found", "no route " + request.path()).answer(this, exchange, request);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** Stores the answer like the real server: once per idempotency key; 201 the first time, 200 after. */
    void store(HttpExchange exchange, Received request) throws IOException {
        int status = storeOnly(request) ? 201 : 200;
        send(exchange, status, "application/json", stored.get(request.json().path("idempotencyKey").asText()));
    }

    /** Stores and returns whether the key was new. */
    boolean storeOnly(Received request) {
        JsonNode body = request.json();
        String key = body.path("idempotencyKey").asText();
        synchronized (stored) {
            if (stored.containsKey(key)) {
                replays.incrementAndGet();
                return false;
            }
            int score = body.path("score").asInt();
            ObjectNode response = JSON.createObjectNode();
            response.put("id", UUID.randomUUID().toString());
            response.put("campaign", body.path("campaign").asText());
            response.put("score", score);
            response.put("category", Category.of(score).name().toLowerCase());
            response.put("followUp", "What is the main reason for your score?");
            response.put("editToken", "edit-" + UUID.randomUUID());
            response.put("answeredAt", body.path("answeredAt").asText(Instant.now().toString()));
            response.put("receivedAt", Instant.now().toString());
            response.set("request", body);
            stored.put(key, response);
            storeCount.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return true;
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0]
                : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("X-Request-Id", "req-" + UUID.randomUUID());
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Action status(int status, String... headerPairs) {
        return (server, exchange, request) -> {
            for (int i = 0; i < headerPairs.length; i += 2) {
                exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
            }
            ObjectNode problem = JSON.createObjectNode();
            problem.put("type", "about:blank");
            problem.put("title", "Unavailable");
            problem.put("status", status);
            send(exchange, status, "application/problem+json", problem);
        };
    }

    static Action problem(int status, String code, String detail) {
        return problem(status, code, detail, "req-scripted");
    }

    static Action problem(int status, String code, String detail, String requestId, String... extraPairs) {
        return (server, exchange, request) -> {
            ObjectNode problem = JSON.createObjectNode();
            problem.put("type", "https://tapscore.org/problems/" + code);
            problem.put("title", "Refused");
            problem.put("status", status);
            problem.put("detail", detail);
            problem.put("code", code);
            for (int i = 0; i < extraPairs.length; i += 2) {
                problem.put(extraPairs[i], extraPairs[i + 1]);
            }
            byte[] bytes = JSON.writeValueAsBytes(problem);
            exchange.getResponseHeaders().add("X-Request-Id", requestId);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    /** Commits the answer, then drops the connection without sending a byte: the client cannot know it worked. */
    static Action storeThenDrop() {
        return (server, exchange, request) -> {
            server.storeOnly(request);
            // Closing an exchange before its response headers were sent closes the socket.
        };
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}
