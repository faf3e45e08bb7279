package org.tapscore.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator, run as its own process (so its CPU and garbage are not the benchmark's) and reporting one
 * JSON object on stdout. Closed loop ({@code mode=closed concurrency=64}) finds the peak rate; open loop
 * ({@code mode=open rate=2000}) sends at a fixed arrival rate and measures each latency from the request's
 * <em>scheduled</em> send time, so a stalled server is not hidden by the generator waiting for it (coordinated
 * omission).
 *
 * <pre>
 * java -cp tapscore-bench.jar org.tapscore.bench.LoadGenerator url=http://127.0.0.1:8080/embed/demo \
 *      mode=closed concurrency=32 seconds=5 warmup=2
 * java -cp tapscore-bench.jar org.tapscore.bench.LoadGenerator url=http://127.0.0.1:8080/api/v1/responses \
 *      mode=open rate=1000 seconds=5 answers=bench:run1
 * </pre>
 * {@code answers=campaign:prefix} makes every request a {@code POST} of a new answer with a unique idempotency
 * key {@code prefix-n}. Every phase is bounded by {@code seconds} and by {@code max} requests.
 */
public final class LoadGenerator {
    private final HttpClient client;
    private final URI uri;
    private final String answersCampaign;
    private final String keyPrefix;
    private final AtomicLong sequence = new AtomicLong();

    private LoadGenerator(URI uri, String answers) {
        this.uri = uri;
        if (answers != null) {
            String[] parts = answers.split(":", 2);
            this.answersCampaign = parts[0];
            this.keyPrefix = parts[1];
        } else {
            this.answersCampaign = null;
            this.keyPrefix = null;
        }
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        LoadGenerator generator = new LoadGenerator(URI.create(a.get("url")), a.get("answers"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "5"));
        double warmup = Double.parseDouble(a.getOrDefault("warmup", "0"));
        long max = Long.parseLong(a.getOrDefault("max", "2000000"));
        String mode = a.getOrDefault("mode", "closed");
        int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "32"));
        if (warmup > 0) {
            generator.closed(concurrency, warmup, max);
        }
        Stats stats = mode.equals("open")
                ? generator.open(Double.parseDouble(a.get("rate")), seconds, max)
                : generator.closed(concurrency, seconds, max);
        System.out.println(stats.json());
        System.exit(0);
    }

    private HttpRequest request() {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15));
        if (answersCampaign == null) {
            return b.GET().build();
        }
        long n = sequence.incrementAndGet();
        String body = "{\"campaign\":\"" + answersCampaign + "\",\"score\":" + (n % 11)
                + ",\"channel\":\"API\",\"idempotencyKey\":\"" + keyPrefix + "-" + n + "\"}";
        return b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** As many requests as {@code concurrency} clients send back to back. */
    private Stats closed(int concurrency, double seconds, long max) throws InterruptedException {
        Stats stats = new Stats((int) Math.min(max, 4_000_000));
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        AtomicLong issued = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (System.nanoTime() < deadline && issued.incrementAndGet() <= max) {
                        long sent = System.nanoTime();
                        send(stats, sent);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        stats.seconds = (System.nanoTime() - start) / 1e9;
        return stats;
    }

    /** {@code rate} requests a second at fixed times, whatever the server does. */
    private Stats open(double rate, double seconds, long max) throws InterruptedException {
        int total = (int) Math.min(max, Math.round(rate * seconds));
        Stats stats = new Stats(total);
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long scheduled = start + (long) (i * periodNanos);
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                senders.execute(() -> send(stats, scheduled));
            }
            senders.shutdown();
            if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                stats.error("requests still outstanding 30 s after the last was scheduled");
            }
        }
        stats.seconds = (System.nanoTime() - start) / 1e9;
        return stats;
    }

    private void send(Stats stats, long scheduled) {
        try {
            HttpResponse<byte[]> res = client.send(request(), HttpResponse.BodyHandlers.ofByteArray());
            stats.record(res.statusCode(), System.nanoTime() - scheduled);
        } catch (Exception e) {
            stats.error(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Counts and latencies of one phase. */
    static final class Stats {
        private final long[] latencies;
        private final AtomicInteger recorded = new AtomicInteger();
        private final AtomicLong ok = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        private final AtomicReference<String> firstError = new AtomicReference<>();
        double seconds;

        Stats(int capacity) {
            latencies = new long[Math.max(capacity, 1)];
        }

        void record(int status, long nanos) {
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (status >= 200 && status < 400) {
                ok.incrementAndGet();
                int slot = recorded.getAndIncrement();
                if (slot < latencies.length) {
                    latencies[slot] = nanos;
                }
            } else {
                errors.incrementAndGet();
                firstError.compareAndSet(null, "HTTP " + status);
            }
        }

        void error(String message) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, message);
        }

        String json() {
            int n = Math.min(recorded.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            List<String> codes = new ArrayList<>();
            statuses.forEach((code, count) -> codes.add("\"" + code + "\":" + count.get()));
            String error = firstError.get();
            return String.format(Locale.ROOT, "{\"ok\":%d,\"errors\":%d,\"seconds\":%.3f,\"throughput\":%.1f,"
                            + "\"p50Ms\":%.3f,\"p90Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f,\"statuses\":{%s},"
                            + "\"firstError\":%s}",
                    ok.get(), errors.get(), seconds, ok.get() / seconds, pct(sorted, 0.50), pct(sorted, 0.90),
                    pct(sorted, 0.99), n == 0 ? 0 : sorted[n - 1] / 1e6, String.join(",", codes),
                    error == null ? "null" : "\"" + error.replace("\\", "\\\\").replace("\"", "'").replaceAll("[\\r\\n\\t]", " ") + "\"");
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }
}
