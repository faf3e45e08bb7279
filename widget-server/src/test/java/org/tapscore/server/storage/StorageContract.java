package org.tapscore.server.storage;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What storage must do the same on every database: one suite, run against H2 and PostgreSQL by the two
 * subclasses. Each run gets its own campaign so the figures are exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StorageContract {
    private TestServer server;

    abstract TestDatabases.Kind kind();

    @BeforeAll
    void start() {
        server = TestServer.start(kind());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String newCampaign(String type) {
        String id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = server.postJson("/api/v1/campaigns", """
                {"id": "%s", "name": "Storage %s", "type": "%s", "texts": {"en": {"question": "Q?"}}}"""
                .formatted(id, id, type), "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    private JsonNode record(String campaign, int score, String extra) {
        HttpResponse<String> response = server.postJson("/api/v1/responses", """
                {"campaign": "%s", "score": %d, "channel": "API", "idempotencyKey": "%s"%s}"""
                .formatted(campaign, score, UUID.randomUUID(), extra), "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, response.statusCode(), response.body());
        return Api.json(response);
    }

    @Test
    void textIsStoredExactly() {
        String campaign = newCampaign("NPS");
        String text = "Great 👍 service\nSecond line ✅ — Blåbærgrød, Ærø, 中文, مرحبا, \"quoted\" <b>&amp;</b>";
        JsonNode created = record(campaign, 10, ", \"comment\": " + quote(text) + ", \"location\": \"Kafé Ærø\"");
        JsonNode stored = Api.json(server.getWithKey("/api/v1/responses/" + created.get("id").asText()));
        assertEquals(text, stored.get("comment").asText());
        assertEquals("Kafé Ærø", stored.get("location").asText());
        assertEquals(10, stored.get("score").asInt());
        assertEquals("promoter", stored.get("category").asText());
    }

    @Test
    void npsOfOneAnswerPerScoreIsMinus45Point5() {
        String campaign = newCampaign("NPS");
        for (int score = 0; score <= 10; score++) {
            record(campaign, score, "");
        }
        JsonNode summary = Api.summary(server, campaign);
        assertEquals(11, summary.get("responses").asLong());
        assertEquals(2, summary.get("promoters").asLong());
        assertEquals(2, summary.get("passives").asLong());
        assertEquals(7, summary.get("detractors").asLong());
        assertEquals(-45.5, summary.get("nps").asDouble());
        assertEquals(5.0, summary.get("average").asDouble());
    }

    @Test
    void scoreCampaignsAreNeverCountedAsNps() {
        String campaign = newCampaign("SCORE");
        record(campaign, 9, "");
        record(campaign, 3, "");
        JsonNode summary = Api.summary(server, campaign);
        assertEquals(2, summary.get("responses").asLong());
        assertNull(summary.get("nps").isNull() ? null : summary.get("nps"));
        assertEquals(6.0, summary.get("average").asDouble());
    }

    @Test
    void daysAreCountedInTheRequestedTimeZone() {
        String campaign = newCampaign("NPS");
        // 23:30 and 00:30 in Copenhagen (summer time, UTC+2): two different local days, one UTC day.
        record(campaign, 10, ", \"answeredAt\": \"2026-06-14T21:30:00Z\"");
        record(campaign, 0, ", \"answeredAt\": \"2026-06-14T22:30:00Z\"");
        String base = "/api/v1/campaigns/" + campaign + "/summary";
        JsonNode day14 = Api.json(server.getWithKey(base + "?from=2026-06-14&to=2026-06-14&tz=Europe/Copenhagen"));
        JsonNode day15 = Api.json(server.getWithKey(base + "?from=2026-06-15&to=2026-06-15&tz=Europe/Copenhagen"));
        JsonNode utc14 = Api.json(server.getWithKey(base + "?from=2026-06-14&to=2026-06-14&tz=UTC"));
        assertEquals(1, day14.get("responses").asLong());
        assertEquals(1, day14.get("promoters").asLong());
        assertEquals(1, day15.get("responses").asLong());
        assertEquals(1, day15.get("detractors").asLong());
        assertEquals(2, utc14.get("responses").asLong());
    }

    @Test
    void halfHourTimeZonesCountTheirPartialHoursExactly() {
        String campaign = newCampaign("NPS");
        // India is UTC+5:30: local midnight falls at 18:30 UTC, in the middle of an hour.
        record(campaign, 10, ", \"answeredAt\": \"2026-06-14T18:00:00Z\"");
        record(campaign, 9, ", \"answeredAt\": \"2026-06-14T18:20:00Z\"");
        record(campaign, 0, ", \"answeredAt\": \"2026-06-14T18:40:00Z\"");
        record(campaign, 7, ", \"answeredAt\": \"2026-06-15T12:00:00Z\"");
        String base = "/api/v1/campaigns/" + campaign + "/summary?tz=Asia/Kolkata";
        JsonNode day14 = Api.json(server.getWithKey(base + "&from=2026-06-14&to=2026-06-14"));
        JsonNode day15 = Api.json(server.getWithKey(base + "&from=2026-06-15&to=2026-06-15"));
        JsonNode both = Api.json(server.getWithKey(base + "&from=2026-06-14&to=2026-06-15"));
        JsonNode open = Api.json(server.getWithKey(base + "&from=2026-06-15"));
        assertEquals(2, day14.get("promoters").asLong());
        assertEquals(2, day14.get("responses").asLong());
        assertEquals(1, day15.get("detractors").asLong());
        assertEquals(1, day15.get("passives").asLong());
        assertEquals(2, day15.get("responses").asLong());
        assertEquals(4, both.get("responses").asLong());
        assertEquals(2, open.get("responses").asLong());
    }

    @Test
    void concurrentRepeatsOfOneKeyStoreOneRow() throws Exception {
        String campaign = newCampaign("NPS");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add(UUID.randomUUID().toString());
        }
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int round = 0; round < 3; round++) {
                for (String key : keys) {
                    sent.add(pool.submit(() -> server.postJson("/api/v1/responses", """
                            {"campaign": "%s", "score": 8, "channel": "API", "idempotencyKey": "%s"}"""
                            .formatted(campaign, key))));
                }
            }
        }
        Set<String> ids = new HashSet<>();
        int created = 0;
        for (Future<HttpResponse<String>> future : sent) {
            HttpResponse<String> response = future.get();
            assertEquals(true, response.statusCode() == 201 || response.statusCode() == 200, response.body());
            created += response.statusCode() == 201 ? 1 : 0;
            ids.add(Api.json(response).get("id").asText());
        }
        assertEquals(60, created, "one 201 per key");
        assertEquals(60, ids.size(), "every repeat returned its key's first id");
        assertEquals(60, Api.count(server, campaign));
    }

    @Test
    void listingPagesThroughEveryAnswerOnce() {
        String campaign = newCampaign("NPS");
        Set<String> recorded = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            recorded.add(record(campaign, i, "").get("id").asText());
        }
        Set<String> listed = new HashSet<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = Api.json(server.getWithKey(
                    "/api/v1/responses?campaign=" + campaign + "&limit=3&cursor=" + cursor));
            page.get("items").forEach(item -> listed.add(item.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(recorded, listed);
    }

    private static String quote(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
