package org.tapscore.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime is killed with {@code kill -9} (a child JVM, destroyed forcibly) while it forwards answers; after a
 * restart on the same data folder every answer it acknowledged reaches the server exactly once.
 */
class KioskRuntimeCrashTest {
    private static final int ANSWERS = 30;
    private LiveServer server;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyJournaledAnswerIsDeliveredOnceAfterAKillMinus9WhileForwarding() throws Exception {
        // A low rate limit keeps forwarding going for a while, so the kill lands in the middle of it.
        server = new LiveServer(120, 10);
        String campaign = server.campaign("{\"minTapIntervalSeconds\": 0}");
        JsonNode device = server.device(campaign, "Test store");
        Path data = Files.createTempDirectory("kiosk-crash");
        int port = freePort();
        child = startRuntime(data, port, device.get("token").asText());

        // Recent enough for anonymous backdating (30 days), old enough to be told apart from the delivery time.
        Instant base = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofDays(2));
        Set<String> answeredAt = new HashSet<>();
        for (int i = 0; i < ANSWERS; i++) {
            String at = base.plusSeconds(60L * i).toString();
            answeredAt.add(at);
            HttpResponse<String> res = Local.post(port, "/local/answers", """
                    {"campaign": "%s", "score": %d, "idempotencyKey": "%s", "locale": "en", "answeredAt": "%s"%s}"""
                    .formatted(campaign, i % 11, UUID.randomUUID(), at, i % 3 == 0 ? ", \"comment\": \"Nice " + i + "\"" : ""));
            assertEquals(202, res.statusCode(), res.body());
        }
        Local.await(Duration.ofSeconds(30), "the first answers at the server", () -> server.responses(campaign).size() >= 5);
        int beforeKill = server.responses(campaign).size();
        child.destroyForcibly().waitFor();
        assertTrue(beforeKill < ANSWERS, "killed while forwarding (" + beforeKill + " of " + ANSWERS + " delivered)");

        child = startRuntime(data, port, device.get("token").asText());
        Local.await(Duration.ofSeconds(120), "every answer delivered", () -> {
            JsonNode status = Local.status(port);
            return status != null && status.get("pending").asInt() == 0 && server.responses(campaign).size() >= ANSWERS;
        });

        JsonNode items = server.responses(campaign);
        assertEquals(ANSWERS, items.size(), "each answer stored once");
        List<String> stored = new ArrayList<>();
        for (JsonNode item : items) {
            stored.add(Instant.parse(item.get("answeredAt").asText()).toString());
            assertEquals("KIOSK", item.get("channel").asText());
            assertEquals(device.get("id").asText(), item.get("device").asText());
            assertEquals("Test store", item.get("location").asText());
        }
        assertEquals(answeredAt, new HashSet<>(stored));
        assertEquals(10, items.findValues("comment").stream().filter(c -> !c.isNull()).count());
    }

    private Process startRuntime(Path data, int port, String token) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, KioskMain.class.getName(), "--server", server.url(), "--device", token,
                "--port", String.valueOf(port), "--data", data.toString(), "--no-browser")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("runtime-" + System.nanoTime() + ".log").toFile())
                .start();
        Local.await(Duration.ofSeconds(30), "the runtime to answer", () -> Local.status(port) != null);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
