package org.tapscore.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Slow clients that trickle a request (half of them the body after complete headers, half the headers themselves)
 * one byte a second, while a normal client keeps reading the survey and recording answers: the normal client must
 * still be answered, in reasonable time.
 *
 * <pre>{@code
 * SlowClientDrill.Outcome o = SlowClientDrill.run(server, 200, Duration.ofSeconds(15));
 * }</pre>
 */
public final class SlowClientDrill {
    /** "Reasonable time" for a normal request while the slow clients hang on. */
    public static final double MAX_NORMAL_MS = 5000;

    private SlowClientDrill() {
    }

    public record Outcome(int slowClients, int opened, int closedByServer, int normalRequests, int normalFailures,
                          double normalP50Ms, double normalMaxMs, boolean healthy, String firstFailure) {
        public boolean passed() {
            return normalFailures == 0 && normalMaxMs < MAX_NORMAL_MS && healthy;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d slow clients (%d connected, %d cut off by the server meanwhile); "
                            + "normal client: %d requests, %d failed, p50 %.1f ms, max %.1f ms; healthy afterwards: %s%s",
                    slowClients, opened, closedByServer, normalRequests, normalFailures, normalP50Ms, normalMaxMs,
                    healthy, firstFailure == null ? "" : "; first failure: " + firstFailure);
        }
    }

    public static Outcome run(ServerProcess server, int slowClients, Duration duration) throws Exception {
        Http.createCampaign(server, "slow-drill");
        List<Socket> sockets = new ArrayList<>();
        List<byte[]> rests = new ArrayList<>();
        for (int i = 0; i < slowClients; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            } catch (IOException e) {
                break;
            }
            String body = "{\"campaign\":\"slow-drill\",\"score\":7,\"channel\":\"API\",\"idempotencyKey\":\"slow-"
                    + i + "-" + "x".repeat(60) + "\"}";
            String headers = "POST /api/v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (body.length() + 4000) + "\r\n\r\n";
            byte[] all = (headers + body + " ".repeat(4000)).getBytes(StandardCharsets.UTF_8);
            // Even: complete headers, then the body a byte at a time. Odd: the headers a byte at a time.
            int sentNow = i % 2 == 0 ? headers.length() + 1 : 20;
            try {
                s.getOutputStream().write(all, 0, sentNow);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // counted below as closed
            }
            sockets.add(s);
            rests.add(Arrays.copyOfRange(all, sentNow, all.length));
        }
        int opened = sockets.size();
        boolean[] closed = new boolean[opened];
        int[] position = new int[opened];
        Thread trickler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (int i = 0; i < sockets.size(); i++) {
                    if (closed[i] || position[i] >= rests.get(i).length) {
                        continue;
                    }
                    try {
                        OutputStream out = sockets.get(i).getOutputStream();
                        out.write(rests.get(i)[position[i]++]);
                        out.flush();
                    } catch (IOException e) {
                        closed[i] = true;
                    }
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<Double> latencies = new ArrayList<>();
        int failures = 0;
        String firstFailure = null;
        long end = System.nanoTime() + duration.toNanos();
        int n = 0;
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            while (System.nanoTime() < end) {
                HttpRequest request = n % 2 == 0
                        ? HttpRequest.newBuilder(URI.create(server.url("/embed/demo"))).timeout(Duration.ofSeconds(20)).build()
                        : HttpRequest.newBuilder(URI.create(server.url("/api/v1/responses"))).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"campaign\":\"slow-drill\",\"score\":9,"
                                + "\"channel\":\"API\",\"idempotencyKey\":\"normal-" + n + "-" + System.nanoTime() + "\"}"))
                        .build();
                long t0 = System.nanoTime();
                try {
                    HttpResponse<Void> res = client.send(request, HttpResponse.BodyHandlers.discarding());
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    if (res.statusCode() >= 400) {
                        failures++;
                        firstFailure = firstFailure == null ? "HTTP " + res.statusCode() : firstFailure;
                    }
                } catch (IOException e) {
                    failures++;
                    latencies.add((System.nanoTime() - t0) / 1e6);
                    firstFailure = firstFailure == null ? e.toString() : firstFailure;
                }
                n++;
                Thread.sleep(200);
            }
        }
        trickler.interrupt();
        trickler.join(5000);
        int cut = 0;
        for (int i = 0; i < opened; i++) {
            cut += closed[i] ? 1 : 0;
            sockets.get(i).close();
        }
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        boolean healthy = server.isAlive() && Http.get(server.url("/observe/health")).statusCode() == 200;
        return new Outcome(slowClients, opened, cut, n, failures, sorted.length == 0 ? 0 : sorted[sorted.length / 2],
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], healthy, firstFailure);
    }
}
