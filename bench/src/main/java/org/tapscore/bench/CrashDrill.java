package org.tapscore.bench;

import org.tapscore.sdk.RecordRequest;
import org.tapscore.sdk.RecordedResponse;
import org.tapscore.sdk.TapscoreClient;
import org.tapscore.sdk.TapscoreException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers sent by retrying SDK clients (each with its own idempotency key) while a fault strikes at random moments:
 * the server killed with {@code kill -9} and started again on the same port and data, or PostgreSQL restarted.
 * Afterwards every acknowledged answer must be stored exactly once, with the id its client was given.
 *
 * <pre>{@code
 * CrashDrill.Outcome o = CrashDrill.run(server, "drill", 1000, 16, CrashDrill.killServer(server), 3, 42,
 *         Duration.ofMinutes(3));
 * assert o.passed();
 * }</pre>
 */
public final class CrashDrill {
    private CrashDrill() {
    }

    /** Something that goes wrong and comes back. */
    public interface Fault {
        String name();

        void inject() throws Exception;
    }

    public static Fault killServer(ServerProcess server) {
        return new Fault() {
            @Override
            public String name() {
                return "server killed with kill -9 and restarted";
            }

            @Override
            public void inject() throws Exception {
                server.kill();
                server.start();
            }
        };
    }

    /** {@code pg_ctlcluster 15 main restart}: every pooled connection breaks at once. */
    public static Fault restartPostgres() {
        return new Fault() {
            @Override
            public String name() {
                return "PostgreSQL restarted (pg_ctlcluster 15 main restart)";
            }

            @Override
            public void inject() throws Exception {
                Process p = new ProcessBuilder("su", "postgres", "-c", "pg_ctlcluster 15 main restart")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("restarting PostgreSQL failed: " + out);
                }
            }
        };
    }

    /** What happened: counts of answers sent, acknowledged and stored. */
    public record Outcome(String fault, int answers, int acknowledged, int stored, int lost, int duplicates,
                          int unacknowledged, int faults, long attempts, double seconds, String firstFailure) {
        public boolean passed() {
            return acknowledged == answers && lost == 0 && duplicates == 0 && stored == acknowledged
                    && faults > 0 && firstFailure == null;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d answers, %d acknowledged, %d stored, %d lost, %d duplicated, "
                            + "%d never acknowledged, %d faults, %d client calls, %.0f s%s", fault, answers,
                    acknowledged, stored, lost, duplicates, unacknowledged, faults, attempts, seconds,
                    firstFailure == null ? "" : "; " + firstFailure);
        }
    }

    public static Outcome run(ServerProcess server, String campaign, int answers, int clients, Fault fault,
                              int faults, long seed, Duration deadline) throws Exception {
        Http.createCampaign(server, campaign);
        TapscoreClient client = TapscoreClient.builder()
                .baseUrl(server.url(""))
                .apiKey(ServerProcess.ADMIN_KEY)
                .timeout(Duration.ofSeconds(15))
                .connectTimeout(Duration.ofSeconds(2))
                .maxRetries(30)
                .initialBackoff(Duration.ofMillis(50))
                .maxBackoff(Duration.ofSeconds(1))
                .build();
        Map<String, String> acked = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong calls = new AtomicLong();
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        String run = Long.toString(System.currentTimeMillis(), 36);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread.ofVirtual().start(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < answers) {
                        String key = "drill-" + run + "-" + i;
                        while (System.nanoTime() < end) {
                            calls.incrementAndGet();
                            try {
                                RecordedResponse r = client.record(RecordRequest.builder(campaign, i % 11)
                                        .idempotencyKey(key).build());
                                acked.put(key, r.id().toString());
                                break;
                            } catch (TapscoreException e) {
                                // The SDK's own retries ran out (a restart can outlast them): try again, same key.
                                sleep(200);
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        // Faults strike when a random share of the answers is in: mid-load however fast the machine is.
        Random random = new Random(seed);
        List<Integer> thresholds = new ArrayList<>();
        for (int f = 0; f < faults; f++) {
            thresholds.add(answers / 10 + random.nextInt(Math.max(1, answers * 8 / 10)));
        }
        Collections.sort(thresholds);
        int injected = 0;
        String failure = null;
        for (int threshold : thresholds) {
            while (acked.size() < threshold && done.getCount() > 0 && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            if (done.getCount() == 0 || System.nanoTime() >= end) {
                break;
            }
            Thread.sleep(random.nextInt(50));
            try {
                Suite.log("  fault " + (injected + 1) + " at " + acked.size() + " acknowledged: " + fault.name());
                fault.inject();
                injected++;
            } catch (Exception e) {
                failure = "fault failed: " + e.getMessage();
                break;
            }
        }
        done.await(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!server.isAlive()) {
            server.start();
        }
        List<String> stored = StoredAnswers.ids(server, campaign);
        Set<String> storedSet = new HashSet<>(stored);
        Set<String> ackedIds = new HashSet<>(acked.values());
        int lost = 0;
        for (String id : ackedIds) {
            if (!storedSet.contains(id)) {
                lost++;
            }
        }
        // Rows beyond one per acknowledged key are duplicates (or answers nobody was told about).
        int duplicates = (stored.size() - storedSet.size()) + (int) storedSet.stream().filter(id -> !ackedIds.contains(id)).count();
        return new Outcome(fault.name(), answers, acked.size(), stored.size(), lost, duplicates, answers - acked.size(),
                injected, calls.get(), seconds, failure);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
