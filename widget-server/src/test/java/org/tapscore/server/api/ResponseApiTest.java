package org.tapscore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST/PATCH /api/v1/responses}: what is stored, what is refused, and that refusals store nothing. */
class ResponseApiTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabases.Kind.H2);
        createCampaign("paused-one", "PAUSED", "[]");
        createCampaign("shop-only", "ACTIVE", "[\"https://shop.example\"]");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void createCampaign(String id, String status, String origins) {
        HttpResponse<String> created = server.postJson("/api/v1/campaigns", """
                {"id": "%s", "name": "Test %s", "type": "NPS", "status": "%s", "allowedOrigins": %s,
                 "texts": {"en": {"question": "Would you recommend us?"}}}""".formatted(id, id, status, origins),
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, created.statusCode(), created.body());
    }

    private static String body(String campaign, String score, String key) {
        return """
                {"campaign": "%s", "score": %s, "channel": "API", "idempotencyKey": "%s"}"""
                .formatted(campaign, score, key);
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void recordsZeroAsARealScore() {
        long before = Api.count(server, "demo");
        HttpResponse<String> response = server.postJson("/api/v1/responses", body("demo", "0", key()));
        assertEquals(201, response.statusCode(), response.body());
        JsonNode json = Api.json(response);
        assertEquals(0, json.get("score").asInt());
        assertEquals("detractor", json.get("category").asText());
        assertFalse(json.get("followUp").asText().isBlank());
        assertFalse(json.get("editToken").asText().isBlank());
        JsonNode summary = Api.summary(server, "demo");
        assertEquals(before + 1, summary.get("responses").asLong());
        assertTrue(summary.get("distribution").get(0).asLong() >= 1);
    }

    @Test
    void sameIdempotencyKeyReturnsTheFirstResponse() {
        String key = key();
        long before = Api.count(server, "demo");
        String auth = "Bearer " + TestServer.ADMIN_KEY;
        HttpResponse<String> first = server.postJson("/api/v1/responses", body("demo", "9", key), "Authorization", auth);
        HttpResponse<String> again = server.postJson("/api/v1/responses", body("demo", "9", key), "Authorization", auth);
        HttpResponse<String> anonymous = server.postJson("/api/v1/responses", body("demo", "9", key));
        assertEquals(201, first.statusCode());
        assertEquals(200, again.statusCode());
        assertEquals(200, anonymous.statusCode());
        assertEquals(Api.json(first), Api.json(again), "a repeat returns the very same document");
        assertEquals(Api.json(first).get("id"), Api.json(anonymous).get("id"));
        assertEquals(before + 1, Api.count(server, "demo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "-1", "6.5", "\"7\"", "null", "true", "[]"})
    void refusesScoresThatAreNotWholeNumbersFrom0To10(String score) {
        long before = Api.count(server, "demo");
        JsonNode problem = Api.problem(server.postJson("/api/v1/responses", body("demo", score, key())), 400);
        assertEquals("score", problem.get("errors").get(0).get("field").asText());
        assertEquals(before, Api.count(server, "demo"));
    }

    @Test
    void refusesAMissingScore() {
        long before = Api.count(server, "demo");
        Api.problem(server.postJson("/api/v1/responses",
                "{\"campaign\": \"demo\", \"channel\": \"API\", \"idempotencyKey\": \"" + key() + "\"}"), 400);
        assertEquals(before, Api.count(server, "demo"));
    }

    @Test
    void refusesUnknownFields() {
        long before = Api.count(server, "demo");
        String json = body("demo", "5", key()).replace("}", ", \"scroe\": 5}");
        JsonNode problem = Api.problem(server.postJson("/api/v1/responses", json), 400);
        assertEquals("scroe", problem.get("errors").get(0).get("field").asText());
        assertEquals(before, Api.count(server, "demo"));
    }

    @Test
    void refusesAHugeComment() {
        long before = Api.count(server, "demo");
        String json = body("demo", "5", key()).replace("}", ", \"comment\": \"" + "x".repeat(50_000) + "\"}");
        Api.problem(server.postJson("/api/v1/responses", json), 413);
        assertEquals(before, Api.count(server, "demo"));
    }

    @Test
    void refusesACommentOver2000CodePointsButCountsEmojiAsOne() {
        String emoji2000 = "👍".repeat(2000);
        HttpResponse<String> ok = server.postJson("/api/v1/responses",
                body("demo", "8", key()).replace("}", ", \"comment\": \"" + emoji2000 + "\"}"));
        assertEquals(201, ok.statusCode(), ok.body());
        long before = Api.count(server, "demo");
        Api.problem(server.postJson("/api/v1/responses",
                body("demo", "8", key()).replace("}", ", \"comment\": \"" + "é".repeat(2001) + "\"}")), 400);
        assertEquals(before, Api.count(server, "demo"));
    }

    @Test
    void refusesUnknownAndPausedCampaigns() {
        Api.problem(server.postJson("/api/v1/responses", body("no-such-campaign", "5", key())), 404);
        JsonNode paused = Api.problem(server.postJson("/api/v1/responses", body("paused-one", "5", key())), 422);
        assertEquals("campaign-inactive", paused.get("code").asText());
        assertEquals(0, Api.count(server, "paused-one"));
    }

    @Test
    void refusesMalformedJsonAndWrongContentType() {
        long before = Api.count(server, "demo");
        Api.problem(server.postJson("/api/v1/responses", "{\"campaign\": \"demo\", \"score\": "), 400);
        Api.problem(server.postJson("/api/v1/responses", ""), 400);
        Api.problem(server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/responses"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body("demo", "5", key())))), 415);
        assertEquals(before, Api.count(server, "demo"));
    }

    @Test
    void refusesBodiesThatAreNotUtf8() {
        byte[] latin1 = ("{\"campaign\": \"demo\", \"score\": 5, \"channel\": \"API\", \"idempotencyKey\": \""
                + key() + "\", \"comment\": \"bl\u00e5b\u00e6r\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long before = Api.count(server, "demo");
        Api.problem(server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/responses"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1))), 400);
        assertEquals(before, Api.count(server, "demo"));
    }

    @Test
    void refusesWritesFromPagesOutsideAllowedOrigins() {
        Api.problem(server.postJson("/api/v1/responses", body("shop-only", "5", key()),
                "Origin", "https://evil.example"), 403);
        assertEquals(201, server.postJson("/api/v1/responses", body("shop-only", "5", key()),
                "Origin", "https://shop.example").statusCode());
        assertEquals(201, server.postJson("/api/v1/responses", body("shop-only", "6", key())).statusCode(),
                "no Origin header: not a browser page");
        assertEquals(2, Api.count(server, "shop-only"));
    }

    @Test
    void onlyKeyHoldersMayNameTheRespondent() {
        String json = body("demo", "7", key()).replace("}", ", \"respondent\": {\"externalId\": \"crm-1\"}}");
        Api.problem(server.postJson("/api/v1/responses", json), 403);
        HttpResponse<String> withKey = server.postJson("/api/v1/responses", json,
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, withKey.statusCode(), withKey.body());
    }

    @Test
    void commentIsAttachedWithTheEditTokenOnly() {
        JsonNode created = Api.json(server.postJson("/api/v1/responses", body("demo", "4", key())));
        String id = created.get("id").asText();
        HttpRequest.Builder forged = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/responses/" + id))
                .header("Content-Type", "application/json").header("X-Edit-Token", "forged-token")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"comment\": \"hijacked\"}"));
        Api.problem(server.send(forged), 403);
        HttpRequest.Builder real = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/responses/" + id))
                .header("Content-Type", "application/json").header("X-Edit-Token", created.get("editToken").asText())
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"comment\": \"Slow\\r\\ndelivery\\u0007\"}"));
        HttpResponse<String> patched = server.send(real);
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("Slow\ndelivery", Api.json(patched).get("comment").asText());
        Api.problem(server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/responses/not-a-uuid"))
                .header("Content-Type", "application/json").header("X-Edit-Token", "x")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"comment\": \"x\"}"))), 404);
    }

    @Test
    void aFormPostWithAForgedEditTokenIsRefused() {
        HttpResponse<String> refused = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/s/demo/followup"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("r=" + UUID.randomUUID() + "&t=forged&comment=hi")));
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("no longer valid"), refused.body());
    }

    @Test
    void summaryNeedsAnApiKey() {
        Api.problem(server.get("/api/v1/campaigns/demo/summary"), 401);
        Api.problem(server.get("/api/v1/campaigns/demo/summary", "Authorization", "Bearer forged"), 401);
        Api.problem(server.getWithKey("/api/v1/campaigns/demo/summary?tz=Mars/Olympus"), 400);
        Api.problem(server.getWithKey("/api/v1/campaigns/demo/summary?from=2026-13-01"), 400);
        Api.problem(server.getWithKey("/api/v1/campaigns/nope/summary"), 404);
    }

    @Test
    void unknownPathsAreProblemsToo() {
        Api.problem(server.get("/api/v1/nothing-here"), 404);
    }
}
