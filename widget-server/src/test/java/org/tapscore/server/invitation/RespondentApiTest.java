package org.tapscore.server.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tapscore.sdk.Channel;
import org.tapscore.sdk.Invitation;
import org.tapscore.sdk.NotFoundException;
import org.tapscore.sdk.Respondent;
import org.tapscore.sdk.RespondentProfile;
import org.tapscore.sdk.TapscoreClient;
import org.tapscore.sdk.TriggerRequest;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET/DELETE /api/v1/respondents/{externalId}}: profile with history, and erasure that keeps scores. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RespondentApiTest {
    private GreenMail mail;
    private InvitationServer server;
    private TapscoreClient sdk;

    @BeforeAll
    void start() {
        mail = InvitationServer.startMail();
        server = InvitationServer.start(TestDatabases.h2(), Clock.systemUTC(), mail);
        sdk = server.sdk();
    }

    @AfterAll
    void stop() {
        server.close();
        mail.stop();
    }

    @Test
    void profileShowsHistoryAndErasureKeepsAnonymousScores() {
        String campaign = server.simpleCampaign("prof", "TOUCHPOINT", 0);
        Invitation invitation = sdk.trigger(TriggerRequest.builder(campaign,
                Respondent.of("crm/42 + ø").withEmail("dora@example.com").withName("Dora <Dee>")
                        .withCompany("Acme").withAttributes(Map.of("plan", "pro")), Channel.LINK).build());
        assertTrue(invitation.qrSvg().startsWith("<svg"), "a link invitation comes with its QR code");
        HttpResponse<String> first = server.postJson("/api/v1/responses", """
                {"campaign": "%s", "score": 3, "channel": "LINK", "idempotencyKey": "prof-answer-1",
                 "invitation": "%s", "comment": "Dora here, call me on 12345678"}"""
                .formatted(campaign, invitation.token()));
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> second = server.withKey("POST", "/api/v1/responses", """
                {"campaign": "%s", "score": 8, "channel": "API", "idempotencyKey": "prof-answer-2",
                 "respondent": {"externalId": "crm/42 + ø"}}""".formatted(campaign));
        assertEquals(201, second.statusCode(), second.body());

        // One percent-encoded path segment: %2F is part of the id, '+' stays '+'.
        HttpResponse<String> raw = server.withKey("GET", "/api/v1/respondents/crm%2F42%20+%20%C3%B8", null);
        assertEquals(200, raw.statusCode(), raw.body());
        JsonNode profile = Api.json(raw);
        assertEquals("crm/42 + ø", profile.get("externalId").asText());
        assertEquals("Dora <Dee>", profile.get("name").asText());
        assertEquals("pro", profile.get("attributes").get("plan").asText());
        assertEquals(5.5, profile.get("averageScore").asDouble());
        assertEquals(2, profile.get("responses").size());
        assertEquals(invitation.token(), profile.get("responses").get(0).get("invitation").asText());

        RespondentProfile viaSdk = sdk.respondent("crm/42 + ø");
        assertEquals(2, viaSdk.responses().size());
        assertEquals("Acme", viaSdk.company());

        sdk.eraseRespondent("crm/42 + ø");
        assertThrows(NotFoundException.class, () -> sdk.respondent("crm/42 + ø"));
        Api.problem(server.withKey("DELETE", "/api/v1/respondents/crm%2F42%20+%20%C3%B8", null), 404);
        JsonNode left = server.responses(campaign);
        assertEquals(2, left.size(), "scores stay");
        for (JsonNode item : left) {
            assertTrue(item.get("respondent") == null || item.get("respondent").isNull(), item.toString());
            assertTrue(item.get("comment") == null || item.get("comment").isNull(), item.toString());
        }
        assertFalse(server.responses(campaign).toString().contains("Dora"));
    }

    @Test
    void theProfileShowsTheLanguageAContactListGave() {
        java.net.http.HttpResponse<String> imported = server.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.baseUrl + "/api/v1/imports"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + org.tapscore.server.support.TestServer.ADMIN_KEY)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("Kundenr,Navn,Sprog\nlang-1,Ea,da-DK\n")));
        assertEquals(200, imported.statusCode(), imported.body());
        JsonNode profile = Api.json(server.withKey("GET", "/api/v1/respondents/lang-1",
                null));
        assertEquals("da-DK", profile.get("language").asText(), profile.toString());
        assertEquals("Ea", profile.get("name").asText());
    }

    @Test
    void needsAKeyAndNamesOneRespondent() {
        assertEquals(401, server.get("/api/v1/respondents/anyone").statusCode());
        assertEquals(401, server.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl + "/api/v1/respondents/anyone")).DELETE()).statusCode());
        Api.problem(server.withKey("GET", "/api/v1/respondents/nobody-here", null), 404);
        Api.problem(server.withKey("GET", "/api/v1/respondents/bad%C3", null), 400);
    }
}
