package org.tapscore.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestServer;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Campaigns and answers made through the public API, as a real client would. */
final class Seed {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private Seed() {
    }

    static String campaign(TestServer server, String type, String journey) {
        String id = "a-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = server.postJson("/api/v1/campaigns", """
                {"id": "%s", "name": "Shop %s", "type": "%s", "journey": "%s", "defaultLocale": "en",
                 "texts": {"en": {"question": "How likely are you to recommend Test Shop?"}}}"""
                .formatted(id, id, type, journey), "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertTrue(created.statusCode() == 201, created.body());
        return id;
    }

    /** Records an answer; returns its id. */
    static String answer(TestServer server, String campaign, int score, String channel, String location,
                         Instant answeredAt, String comment, String respondent) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("campaign", campaign);
        body.put("score", score);
        body.put("channel", channel);
        body.put("idempotencyKey", UUID.randomUUID().toString());
        if (location != null) {
            body.put("location", location);
        }
        if (answeredAt != null) {
            body.put("answeredAt", answeredAt.toString());
        }
        if (comment != null) {
            body.put("comment", comment);
        }
        if (respondent != null) {
            body.putObject("respondent").put("externalId", respondent);
        }
        HttpResponse<String> response = server.postJson("/api/v1/responses", body.toString(),
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertTrue(response.statusCode() == 201, response.body());
        return Api.json(response).get("id").asText();
    }
}
