package org.tapscore.server.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The device API and what a device token allows, over HTTP against a live server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskDeviceApiTest {
    private TestServer server;

    protected TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }

    @BeforeAll
    void start() {
        server = TestServer.start(kind());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> answer(String campaign, String token, String extra) {
        return server.postJson("/api/v1/responses", """
                {"campaign": "%s", "score": 8, "channel": "KIOSK", "idempotencyKey": "%s", "device": "%s"%s}"""
                .formatted(campaign, UUID.randomUUID(), token, extra));
    }

    @Test
    void aDeviceTokenForAnotherCampaignCannotPostAnswersToThisOne() {
        String mine = KioskFixtures.campaign(server, null);
        String other = KioskFixtures.campaign(server, null);
        String token = KioskFixtures.device(server, other, "Other stand", "Elsewhere").get("token").asText();

        assertEquals("device-campaign-mismatch", Api.problem(answer(mine, token, ""), 403).get("code").asText());
        assertEquals("unknown-device", Api.problem(answer(mine, "tsd_" + "x".repeat(32), ""), 403).get("code").asText());
        assertEquals(0, KioskFixtures.responses(server, mine).size());
        assertEquals(201, answer(other, token, "").statusCode());
    }

    @Test
    void eachDeviceHasItsOwnRateLimit() {
        String campaign = KioskFixtures.campaign(server, "{\"minTapIntervalSeconds\": 0}");
        String busy = KioskFixtures.device(server, campaign, "Busy", "A").get("token").asText();
        String calm = KioskFixtures.device(server, campaign, "Calm", "B").get("token").asText();
        int accepted = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 400 && (last == null || last.statusCode() != 429); i++) {
            last = answer(campaign, busy, "");
            if (last.statusCode() == 201) {
                accepted++;
            }
        }
        Api.problem(last, 429);
        assertTrue(last.headers().firstValue("Retry-After").isPresent());
        assertTrue(accepted >= 200 && accepted < 400, "a burst of queued answers passes: " + accepted);
        assertEquals(201, answer(campaign, calm, "").statusCode(), "another device is not held back");
    }

    @Test
    void aKioskResendingAfterALostReplyGetsItsEditTokenBack() {
        String campaign = KioskFixtures.campaign(server, null);
        String token = KioskFixtures.device(server, campaign, "Flaky wifi", "Ribe").get("token").asText();
        String body = """
                {"campaign": "%s", "score": 4, "channel": "KIOSK", "idempotencyKey": "%s", "device": "%s",
                 "answeredAt": "%s"}""".formatted(campaign, UUID.randomUUID(), token, Instant.now().minusSeconds(3600));
        HttpResponse<String> first = server.postJson("/api/v1/responses", body);
        HttpResponse<String> again = server.postJson("/api/v1/responses", body);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(Api.json(first).get("id"), Api.json(again).get("id"));
        assertEquals(Api.json(first).get("editToken").asText(), Api.json(again).get("editToken").asText());
        assertEquals(1, KioskFixtures.responses(server, campaign).size());
    }

    @Test
    void anEmptyDeviceFieldMeansNoDevice() {
        String campaign = KioskFixtures.campaign(server, null);
        assertEquals(201, answer(campaign, "", ", \"location\": \"Till 1\"").statusCode());
        JsonNode item = KioskFixtures.responses(server, campaign).getFirst();
        assertTrue(item.get("device").isNull());
        assertEquals("Till 1", item.get("location").asText());
    }

    @Test
    void theServerDecidesDeviceAndLocationNotTheClient() {
        String campaign = KioskFixtures.campaign(server, null);
        JsonNode device = KioskFixtures.device(server, campaign, "Stand", "Roskilde");
        HttpResponse<String> created = answer(campaign, device.get("token").asText(), ", \"location\": \"Fake street\"");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode item = KioskFixtures.responses(server, campaign).getFirst();
        assertEquals("Roskilde", item.get("location").asText());
        assertEquals(device.get("id").asText(), item.get("device").asText());
    }

    @Test
    void heartbeatsShowInTheDeviceList() {
        String campaign = KioskFixtures.campaign(server, null);
        JsonNode device = KioskFixtures.device(server, campaign, "Till 2", "Horsens");
        JsonNode listed = Api.json(server.getWithKey("/api/v1/devices?campaign=" + campaign)).get("items").get(0);
        assertFalse(listed.get("online").asBoolean());
        assertTrue(listed.get("lastSeen").isNull());

        HttpResponse<String> beat = server.postJson("/api/v1/devices/heartbeat", """
                {"device": "%s", "queueDepth": 7, "lastSync": "2026-05-01T10:00:00Z", "version": "runtime 1"}"""
                .formatted(device.get("token").asText()));
        assertEquals(200, beat.statusCode(), beat.body());
        assertEquals(campaign, Api.json(beat).get("campaign").asText());

        listed = Api.json(server.getWithKey("/api/v1/devices?campaign=" + campaign)).get("items").get(0);
        assertEquals(device.get("id").asText(), listed.get("id").asText());
        assertEquals("Till 2", listed.get("name").asText());
        assertEquals("Horsens", listed.get("location").asText());
        assertTrue(listed.get("online").asBoolean());
        assertEquals(7, listed.get("queueDepth").asInt());
        assertEquals(Instant.parse("2026-05-01T10:00:00Z"), Instant.parse(listed.get("lastSync").asText()));
        assertEquals("runtime 1", listed.get("version").asText());
        assertFalse(listed.has("token"));

        Api.problem(server.postJson("/api/v1/devices/heartbeat", "{\"device\": \"tsd_nope_nope_nope_nope\"}"), 403);
    }

    @Test
    void registrationNeedsAKeyAKnownCampaignAndAName() {
        String campaign = KioskFixtures.campaign(server, null);
        Api.problem(server.postJson("/api/v1/devices",
                "{\"name\": \"x\", \"campaign\": \"" + campaign + "\"}"), 401);
        Api.problem(server.get("/api/v1/devices"), 401);
        Api.problem(server.postJson("/api/v1/devices", "{\"name\": \"x\", \"campaign\": \"no-such\"}",
                "Authorization", "Bearer " + TestServer.ADMIN_KEY), 404);
        Api.problem(server.postJson("/api/v1/devices", "{\"campaign\": \"" + campaign + "\"}",
                "Authorization", "Bearer " + TestServer.ADMIN_KEY), 400);
    }

    @Test
    void kioskSettingsAreValidatedAndOldCampaignsReadWithDefaults() {
        HttpResponse<String> bad = server.postJson("/api/v1/campaigns", """
                {"id": "bad-kiosk", "name": "x", "type": "NPS", "texts": {"en": {"question": "q"}},
                 "kiosk": {"resetSeconds": 0, "staffPin": "12"}}""", "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        Api.problem(bad, 400);
        JsonNode demo = Api.json(server.getWithKey("/api/v1/campaigns/demo"));
        assertEquals(5, demo.get("kiosk").get("resetSeconds").asInt());
        assertEquals(30, demo.get("kiosk").get("idleSeconds").asInt());
    }
}
