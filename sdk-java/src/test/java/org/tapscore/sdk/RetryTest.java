package org.tapscore.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
    /** Always the middle of the jitter window, so every backoff is exactly half its window. */
    static final RandomGenerator HALF = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0.5;
        }
    };

    ScriptedServer server;
    List<Duration> sleeps;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        sleeps = new ArrayList<>();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    TapscoreClient.Builder client() {
        return TapscoreClient.builder()
                .baseUrl(server.url())
                .apiKey("tsk_test")
                .timeout(Duration.ofSeconds(5))
                .maxRetries(3)
                .initialBackoff(Duration.ofMillis(100))
                .maxBackoff(Duration.ofSeconds(1))
                .sleeper(sleeps::add)
                .random(HALF);
    }

    @Test
    void two503sThenCreatedRecordsOnceWithExactBackoffsAndOneKey() {
        server.then(ScriptedServer.status(503), ScriptedServer.status(503));

        RecordedResponse answer = client().build().record("after-order", 9);

        assertEquals(Category.PROMOTER, answer.category());
        // retry 1: 0.5 × min(1 s, 100 ms × 2^0) = 50 ms; retry 2: 0.5 × min(1 s, 100 ms × 2^1) = 100 ms
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), sleeps);
        List<ScriptedServer.Received> attempts = server.received("POST", "/api/v1/responses");
        assertEquals(3, attempts.size());
        Set<String> keys = attempts.stream().map(r -> r.json().path("idempotencyKey").asText())
                .collect(Collectors.toSet());
        assertEquals(1, keys.size(), "every attempt carries the same idempotency key");
        assertEquals(1, server.stored.size());
        assertEquals(keys, server.stored.keySet());
    }

    @Test
    void backoffWindowDoublesUpToTheCap() {
        server.then(ScriptedServer.status(500), ScriptedServer.status(502), ScriptedServer.status(503),
                ScriptedServer.status(504), ScriptedServer.status(500));
        TapscoreClient client = client().maxRetries(5).initialBackoff(Duration.ofMillis(300)).build();

        client.record("after-order", 3);

        // windows 300, 600, 1200→1000, 1000, 1000 ms; half of each
        assertEquals(List.of(Duration.ofMillis(150), Duration.ofMillis(300), Duration.ofMillis(500),
                Duration.ofMillis(500), Duration.ofMillis(500)), sleeps);
    }

    @Test
    void retryAfterIsHonouredExactly() {
        server.then(ScriptedServer.status(503, "Retry-After", "2"), ScriptedServer.status(429, "Retry-After", "0"));

        client().build().record("after-order", 7);

        assertEquals(List.of(Duration.ofSeconds(2), Duration.ZERO), sleeps);
        assertEquals(1, server.stored.size());
    }

    @Test
    void retryAfterLongerThanTheLimitEndsTheRetries() {
        server.then(ScriptedServer.status(429, "Retry-After", "3600"));

        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> client().build().record("after-order", 7));

        assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
        assertEquals(List.of(), sleeps);
        assertEquals(1, server.received.size());
    }

    @Test
    void badRequestIsNotRetriedAndCarriesTheProblem() {
        server.then(ScriptedServer.problem(400, "campaign_closed", "Campaign after-order is closed", "req-4711"));

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> client().build().record("after-order", 9));

        assertEquals(400, e.status());
        assertEquals("campaign_closed", e.code());
        assertEquals("Campaign after-order is closed", e.detail());
        assertEquals("req-4711", e.requestId());
        assertTrue(e.getMessage().contains("req-4711") && e.getMessage().contains("campaign_closed"), e.getMessage());
        assertEquals(1, server.received.size());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void fatigueIsNotRetriedAndSaysWhenToAskAgain() {
        server.then(ScriptedServer.problem(409, "fatigue", "Asked 3 days ago", "req-9",
                "nextAllowedAt", "2030-01-02T03:04:05Z"));
        TriggerRequest ask = TriggerRequest.builder("after-order",
                Respondent.of("cust-1").withEmail("anna@example.com"), Channel.EMAIL).build();

        FatigueException e = assertThrows(FatigueException.class, () -> client().build().trigger(ask));

        assertEquals(Instant.parse("2030-01-02T03:04:05Z"), e.nextAllowedAt().orElseThrow());
        assertEquals(409, e.status());
        assertEquals("req-9", e.requestId());
        assertEquals(1, server.received.size());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void otherConflictsAreRetriedWithTheSameIdempotencyKeyHeader() {
        server.then(ScriptedServer.problem(409, "concurrent_update", "try again"));
        server.route("POST /api/v1/invitations", (s, exchange, request) -> ScriptedServer.send(exchange, 201,
                "application/json", "{\"token\":\"tok\",\"url\":\"https://t.example/r/tok\",\"campaign\":\"after-order\","
                        + "\"channel\":\"LINK\",\"status\":\"SENT\"}"));

        Invitation invitation = client().build().trigger(
                TriggerRequest.builder("after-order", Respondent.of("cust-1"), Channel.LINK).build());

        assertEquals("tok", invitation.token());
        assertEquals(List.of(Duration.ofMillis(50)), sleeps);
        List<ScriptedServer.Received> attempts = server.received("POST", "/api/v1/invitations");
        assertEquals(2, attempts.size());
        assertNotNull(attempts.get(0).header("Idempotency-Key"));
        assertEquals(attempts.get(0).header("Idempotency-Key"), attempts.get(1).header("Idempotency-Key"));
    }

    @Test
    void answerCommittedButConnectionDroppedGivesTheSameResponseOnRetry() {
        server.then(ScriptedServer.storeThenDrop());

        RecordedResponse answer = client().build().record("after-order", 10);

        List<ScriptedServer.Received> attempts = server.received("POST", "/api/v1/responses");
        assertEquals(2, attempts.size(), "the dropped attempt is repeated once");
        String key = attempts.get(0).json().path("idempotencyKey").asText();
        assertEquals(key, attempts.get(1).json().path("idempotencyKey").asText());
        assertEquals(1, server.stored.size(), "never a duplicate");
        assertEquals(1, server.storeCount.get(key).get());
        assertEquals(1, server.replays.get(), "the retry was answered as a repeat");
        assertEquals(server.stored.get(key).path("id").asText(), answer.id().toString());
        assertEquals(1, sleeps.size());
    }

    @Test
    void persistentServerErrorsEndInServerExceptionAfterMaxRetries() {
        for (int i = 0; i < 3; i++) {
            server.then(ScriptedServer.problem(503, "maintenance", "Back soon", "req-last"));
        }

        ServerException e = assertThrows(ServerException.class,
                () -> client().maxRetries(2).build().record("after-order", 5));

        assertEquals(503, e.status());
        assertEquals("req-last", e.requestId());
        assertEquals(3, server.received.size());
        assertEquals(2, sleeps.size());
    }

    @Test
    void unreachableServerEndsInNetworkException() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        TapscoreClient client = client().baseUrl("http://127.0.0.1:" + port).maxRetries(2).build();

        NetworkException e = assertThrows(NetworkException.class, () -> client.record("after-order", 5));

        assertEquals(0, e.status());
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), sleeps);
    }

    @Test
    void statusesMapToExceptionsByMeaning() {
        server.then(ScriptedServer.problem(401, "unauthorized", "bad key"),
                ScriptedServer.problem(404, "not_found", "no such respondent"),
                ScriptedServer.problem(422, "invalid", "too long"),
                ScriptedServer.problem(413, "too_large", "too large"));
        TapscoreClient client = client().build();

        assertInstanceOf(UnauthorizedException.class, assertThrows(TapscoreException.class,
                () -> client.respondent("x")));
        assertInstanceOf(NotFoundException.class, assertThrows(TapscoreException.class,
                () -> client.respondent("x")));
        assertInstanceOf(InvalidRequestException.class, assertThrows(TapscoreException.class,
                () -> client.respondent("x")));
        assertInstanceOf(InvalidRequestException.class, assertThrows(TapscoreException.class,
                () -> client.respondent("x")));
        assertEquals(4, server.received.size());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void retryAfterAsHttpDateUsesTheInjectedClock() {
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), java.time.ZoneOffset.UTC);
        server.then(ScriptedServer.status(503, "Retry-After", "Sun, 01 Jun 2025 12:00:07 GMT"));

        client().clock(clock).build().record("after-order", 8);

        assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
    }
}
