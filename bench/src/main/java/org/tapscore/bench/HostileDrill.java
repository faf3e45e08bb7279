package org.tapscore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Thousands of {@link HostileRequests} against a running server: none may get a 5xx, none may store an answer,
 * and the server must still be healthy afterwards.
 *
 * <pre>{@code
 * HostileDrill.Outcome o = HostileDrill.run(server, 2000, 42, 8);
 * assert o.passed();
 * }</pre>
 */
public final class HostileDrill {
    private HostileDrill() {
    }

    /** Status counts (0 = closed without a reply, -1 = no reply in time) and the first few 5xx requests. */
    public record Outcome(int requests, Map<Integer, Long> statuses, Map<String, Long> kinds, long serverErrors,
                          long noReply, long storedBefore, long storedAfter, boolean healthy, double seconds,
                          List<String> examples) {
        public boolean passed() {
            return serverErrors == 0 && storedAfter == storedBefore && healthy;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d hostile requests in %.0f s: statuses %s, %d 5xx, %d without reply "
                            + "in time, stored answers %d → %d, healthy afterwards: %s; problems by kind %s%s", requests, seconds,
                    statuses, serverErrors, noReply, storedBefore, storedAfter, healthy, kinds,
                    examples.isEmpty() ? "" : "\n    " + String.join("\n    ", examples));
        }
    }

    public static Outcome run(ServerProcess server, int requests, long seed, int parallel) throws Exception {
        long before = StoredAnswers.total(server);
        HostileRequests generator = new HostileRequests(seed, server.port(), "demo", ServerProcess.ADMIN_KEY);
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
        AtomicLong serverErrors = new AtomicLong();
        Semaphore inFlight = new Semaphore(parallel);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < requests; i++) {
                // Generated in order on this thread, so a seed always means the same requests.
                HostileRequests.Request request = generator.next();
                int n = i;
                inFlight.acquire();
                pool.execute(() -> {
                    try {
                        RawHttp.Reply reply = RawHttp.exchange(server.port(), request.bytes(), 15_000);
                        statuses.computeIfAbsent(reply.status(), s -> new AtomicLong()).incrementAndGet();
                        // 201 and 303 are what a stored answer gets (API and form): worth showing too.
                        if (reply.status() >= 500 || reply.status() == -1 || reply.status() == 201
                                || reply.status() == 303) {
                            if (reply.status() >= 500) {
                                serverErrors.incrementAndGet();
                            }
                            long seen = kinds.computeIfAbsent(request.kind() + " → " + reply.status(),
                                    k -> new AtomicLong()).incrementAndGet();
                            // A few of each kind of problem, so one noisy kind does not hide the others.
                            if (seen <= 3 && examples.size() < 30) {
                                examples.add("#" + n + " " + request.kind() + " → " + reply.status() + ": "
                                        + request.printable());
                            }
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean healthy = server.isAlive() && Http.get(server.url("/observe/health")).statusCode() == 200
                && Http.get(server.url("/embed/demo")).statusCode() == 200;
        long after = StoredAnswers.total(server);
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((k, v) -> counts.put(k, v.get()));
        Map<String, Long> kindCounts = new TreeMap<>();
        kinds.forEach((k, v) -> kindCounts.put(k, v.get()));
        return new Outcome(requests, counts, kindCounts, serverErrors.get(), counts.getOrDefault(-1, 0L), before,
                after, healthy, seconds, new ArrayList<>(examples));
    }
}
