package org.tapscore.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;
    ScriptedServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    TapscoreClient client() {
        return TapscoreClient.builder().baseUrl(server.url()).apiKey("tsk_kiosk").maxRetries(0).build();
    }

    Outbox open(TapscoreClient client) {
        return Outbox.builder(dir, client).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).open();
    }

    static RecordRequest answer(int i) {
        return RecordRequest.builder("in-store", i % 11).comment("answer " + i).channel(Channel.KIOSK).build();
    }

    Set<String> storedComments() {
        return server.stored.values().stream().map(r -> r.path("request").path("comment").asText())
                .collect(Collectors.toSet());
    }

    @Test
    void queuedAnswersAreOnDiskThenDeliveredInOrderWithTheirTimeAndKey() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2025-05-01T09:30:00Z"), ZoneOffset.UTC);
        TapscoreClient client = TapscoreClient.builder().baseUrl(server.url()).apiKey("k").clock(clock).build();
        server.unavailableStatus = 503;
        List<RecordedResponse> delivered = new CopyOnWriteArrayList<>();
        List<String> keys = new ArrayList<>();
        try (Outbox outbox = Outbox.builder(dir, client).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20))
                .onDelivered(delivered::add).open()) {
            for (int i = 0; i < 5; i++) {
                keys.add(outbox.recordLater(answer(i)));
            }
            assertEquals(5, Files.readAllLines(dir.resolve(Outbox.JOURNAL)).size(), "on disk before returning");
            assertEquals(5, outbox.pending());

            server.unavailableStatus = 0;
            assertTrue(outbox.awaitDelivered(Duration.ofSeconds(10)));
            assertEquals(0, outbox.pending());
        }
        List<JsonNode> posted = server.received("POST", "/api/v1/responses").stream()
                .filter(r -> server.stored.containsKey(r.json().path("idempotencyKey").asText()))
                .map(ScriptedServer.Received::json).toList();
        List<String> order = posted.stream().map(b -> b.path("idempotencyKey").asText()).distinct().toList();
        assertEquals(keys, order, "delivered in queueing order, with the keys made at queueing");
        assertEquals("2025-05-01T09:30:00Z", posted.get(0).path("answeredAt").asText());
        assertEquals(5, delivered.size());
        assertEquals(0, Files.size(dir.resolve(Outbox.JOURNAL)), "compacted once everything is delivered");
        assertEquals(0, Files.size(dir.resolve(Outbox.ACKS)));
    }

    @Test
    void pendingAnswersSurviveCloseAndATornLastLine() throws Exception {
        server.unavailableStatus = 503;
        try (Outbox outbox = open(client())) {
            for (int i = 0; i < 3; i++) {
                outbox.recordLater(answer(i));
            }
        }
        Path journal = dir.resolve(Outbox.JOURNAL);
        List<String> lines = Files.readAllLines(journal);
        assertEquals(3, lines.size());
        // A crash in the middle of the fourth append: half a record, no newline.
        String fourth = new String(Journal.frame("{\"idempotencyKey\":\"torn\",\"campaign\":\"in-store\",\"score\":1}"
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        Files.writeString(journal, fourth.substring(0, fourth.length() / 2), StandardOpenOption.APPEND);
        Files.writeString(dir.resolve(Outbox.ACKS), "37 deadbeef garb", StandardOpenOption.APPEND);
        long tornSize = Files.size(journal);

        server.unavailableStatus = 0;
        try (Outbox outbox = open(client())) {
            assertTrue(Files.size(journal) < tornSize, "the torn tail is cut off on open");
            outbox.recordLater(answer(3));
            assertTrue(outbox.awaitDelivered(Duration.ofSeconds(10)));
        }
        assertEquals(Set.of("answer 0", "answer 1", "answer 2", "answer 3"), storedComments());
        assertFalse(server.stored.containsKey("torn"));
        assertTrue(server.storeCount.values().stream().allMatch(c -> c.get() == 1));
    }

    @Test
    void garbageInTheMiddleIsSkippedAndLaterRecordsKept() throws Exception {
        server.unavailableStatus = 503;
        try (Outbox outbox = open(client())) {
            outbox.recordLater(answer(0));
        }
        Path journal = dir.resolve(Outbox.JOURNAL);
        Files.writeString(journal, "12 00000000 flipped bits\n", StandardOpenOption.APPEND);
        try (Outbox outbox = open(client())) {
            outbox.recordLater(answer(1));
        }
        server.unavailableStatus = 0;
        try (Outbox outbox = open(client())) {
            assertTrue(outbox.awaitDelivered(Duration.ofSeconds(10)));
        }
        assertEquals(Set.of("answer 0", "answer 1"), storedComments());
    }

    @Test
    void anAnswerRefusedForGoodGoesToDeadLetterAndTheQueueMovesOn() throws Exception {
        List<String> refused = new CopyOnWriteArrayList<>();
        server.then(ScriptedServer.problem(422, "campaign_closed", "Campaign in-store is closed", "req-dl"));
        try (Outbox outbox = Outbox.builder(dir, client()).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .onDeadLetter((key, reason) -> refused.add(key)).open()) {
            String first = outbox.recordLater(answer(0));
            outbox.recordLater(answer(1));
            assertTrue(outbox.awaitDelivered(Duration.ofSeconds(10)));
            assertEquals(List.of(first), refused);
        }
        assertEquals(Set.of("answer 1"), storedComments());
        List<String> deadLetters = Files.readAllLines(dir.resolve(Outbox.DEAD_LETTER));
        assertEquals(1, deadLetters.size());
        JsonNode line = ScriptedServer.JSON.readTree(deadLetters.get(0));
        assertEquals(refused.get(0), line.path("idempotencyKey").asText());
        assertEquals(422, line.path("status").asInt());
        assertEquals("campaign_closed", line.path("code").asText());
        assertEquals("req-dl", line.path("requestId").asText());
        assertEquals("answer 0", line.path("request").path("comment").asText());
    }

    @Test
    void serverErrorsAreRetriedUntilDelivered() throws Exception {
        server.then(ScriptedServer.status(503), ScriptedServer.status(500), ScriptedServer.status(429));
        try (Outbox outbox = open(client())) {
            outbox.recordLater(answer(0));
            assertTrue(outbox.awaitDelivered(Duration.ofSeconds(10)));
        }
        assertEquals(4, server.received.size());
        assertEquals(1, server.stored.size());
        assertFalse(Files.exists(dir.resolve(Outbox.DEAD_LETTER)));
    }

    @Test
    void onlyOneOutboxOwnsADirectory() {
        try (Outbox first = open(client())) {
            OutboxException e = assertThrows(OutboxException.class, () -> open(client()));
            assertTrue(e.getMessage().contains("already in use"), e.getMessage());
        }
        try (Outbox again = open(client())) {
            assertEquals(0, again.pending());
        }
        Outbox closed = open(client());
        closed.close();
        assertThrows(OutboxException.class, () -> closed.recordLater(answer(0)));
    }

    @Test
    void killedMidDeliveryTheNextOutboxDeliversTheRestExactlyOnce() throws Exception {
        server.delayMillis = 20;
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, OutboxCrashChild.class.getName(), server.url(), dir.toString(), "100")
                .redirectErrorStream(true).start();
        LinkedBlockingQueue<String> output = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the child was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        int storedAtKill;
        try {
            String line;
            do {
                line = output.poll(30, TimeUnit.SECONDS);
                assertTrue(line != null, "child did not queue its answers");
            } while (!line.equals("QUEUED"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.stored.size() < 25 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            OutboxException locked = assertThrows(OutboxException.class, () -> open(client()),
                    "the child process owns the directory");
            assertTrue(locked.getMessage().contains("already in use"));
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        }
        storedAtKill = server.stored.size();
        assertTrue(storedAtKill >= 25 && storedAtKill < 100, "killed mid-delivery, after " + storedAtKill);
        assertFalse(output.contains("DRAINED"));

        server.delayMillis = 0;
        try (Outbox outbox = Outbox.open(dir, client())) {
            assertTrue(outbox.awaitDelivered(Duration.ofSeconds(20)), "pending: " + outbox.pending());
        }

        assertEquals(100, server.stored.size());
        assertEquals(IntStream.range(0, 100).mapToObj(i -> "answer " + i).collect(Collectors.toSet()),
                storedComments());
        assertTrue(server.storeCount.values().stream().allMatch(c -> c.get() == 1), "no key stored twice");
        long posted = server.received("POST", "/api/v1/responses").size();
        assertEquals(100 + server.replays.get(), posted, "every repeat was answered from the stored response");
    }
}
