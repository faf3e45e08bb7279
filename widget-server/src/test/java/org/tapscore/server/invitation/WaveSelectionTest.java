package org.tapscore.server.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each selection filter picks exactly the respondents it should: company (any case), attribute, language
 * (with regional variants), the category and date of the latest answer, and "never asked".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaveSelectionTest {
    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private GreenMail mail;
    private InvitationServer server;

    @BeforeAll
    void start() {
        mail = InvitationServer.startMail();
        server = InvitationServer.start(TestDatabases.h2(), clock, mail);
        HttpResponse<String> imported = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl + "/api/v1/imports"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        externalId,email,company,language,plan
                        s-1,s1@sel.test,Alpha,da,gold
                        s-2,s2@sel.test,ALPHA,en,silver
                        s-3,s3@sel.test,beta,da-DK,gold
                        s-4,s4@sel.test,Gamma,en,
                        s-5,s5@sel.test,Gamma,en,pl%n
                        """)));
        assertEquals(200, imported.statusCode(), imported.body());
        String campaign = server.simpleCampaign("sel", "TOUCHPOINT", 30);
        answer(campaign, "s-1", 9, NOW.minus(Duration.ofDays(10)));
        answer(campaign, "s-2", 2, NOW.minus(Duration.ofDays(100)));
        answer(campaign, "s-2", 8, NOW.minus(Duration.ofDays(5)));
        answer(campaign, "s-3", 3, NOW.minus(Duration.ofDays(200)));
        // s-5 was invited (a personal link) but never answered: asked, so not "never asked".
        HttpResponse<String> invited = server.withKey("POST", "/api/v1/invitations", """
                {"campaign": "%s", "respondent": {"externalId": "s-5"}, "channel": "LINK"}""".formatted(campaign));
        assertEquals(201, invited.statusCode(), invited.body());
    }

    @AfterAll
    void stop() {
        server.close();
        mail.stop();
    }

    @Test
    void everyFilterPicksTheRightPeople() {
        assertEquals(List.of("s-1", "s-2", "s-3", "s-4", "s-5"), selected("{}"));
        assertEquals(List.of("s-1", "s-2"), selected("{\"company\": \"alpha\"}"));
        assertEquals(List.of("s-3"), selected("{\"company\": \"Beta\"}"));
        assertEquals(List.of("s-1", "s-3"), selected("{\"attributes\": {\"plan\": \"gold\"}}"));
        assertEquals(List.of("s-1"), selected("{\"company\": \"Alpha\", \"attributes\": {\"plan\": \"gold\"}}"));
        assertEquals(List.of("s-5"), selected("{\"attributes\": {\"plan\": \"pl%n\"}}"));
        assertEquals(List.of(), selected("{\"attributes\": {\"pl%n\": \"gold\"}}"), "LIKE wildcards are literal");
        assertEquals(List.of("s-1", "s-3"), selected("{\"language\": \"da\"}"));
        assertEquals(List.of("s-3"), selected("{\"language\": \"da-DK\"}"));
        assertEquals(List.of("s-1"), selected("{\"category\": \"PROMOTER\"}"));
        assertEquals(List.of("s-2"), selected("{\"category\": \"PASSIVE\"}"), "the latest answer counts, not the first");
        assertEquals(List.of("s-3"), selected("{\"category\": \"DETRACTOR\"}"));
        assertEquals(List.of("s-1", "s-2"), selected("{\"answeredWithinDays\": 30}"));
        assertEquals(List.of("s-2"), selected("{\"answeredWithinDays\": 7}"));
        assertEquals(List.of("s-3"), selected("{\"lastAnswerBefore\": \"%s\"}".formatted(NOW.minus(Duration.ofDays(50)))));
        assertEquals(List.of("s-2"), selected("{\"lastAnswerAfter\": \"%s\"}".formatted(NOW.minus(Duration.ofDays(7)))));
        assertEquals(List.of("s-4"), selected("{\"neverAsked\": true}"));
        assertEquals(List.of("s-4", "s-5"), selected("{\"neverAsked\": false, \"company\": \"gamma\"}"));
    }

    @Test
    void contradictoryOrUnknownFiltersAreRefused() {
        Api.problem(server.withKey("POST", "/api/v1/waves/count", "{\"neverAsked\": true, \"category\": \"PROMOTER\"}"), 400);
        Api.problem(server.withKey("POST", "/api/v1/waves/count", "{\"colour\": \"red\"}"), 400);
        Api.problem(server.withKey("POST", "/api/v1/waves/count", "{\"category\": \"HAPPY\"}"), 400);
        Api.problem(server.withKey("POST", "/api/v1/waves/count", "{\"answeredWithinDays\": 0}"), 400);
        Api.problem(server.postJson("/api/v1/waves/count", "{}"), 401);
    }

    private List<String> selected(String selection) {
        HttpResponse<String> response = server.withKey("POST", "/api/v1/waves/count", selection);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = Api.json(response);
        List<String> ids = new ArrayList<>();
        body.get("sample").forEach(n -> ids.add(n.asText()));
        assertEquals(ids.size(), body.get("selected").asInt());
        return ids;
    }

    private void answer(String campaign, String respondent, int score, Instant at) {
        HttpResponse<String> r = server.withKey("POST", "/api/v1/responses", """
                {"campaign": "%s", "score": %d, "channel": "API", "idempotencyKey": "%s",
                 "answeredAt": "%s", "respondent": {"externalId": "%s"}}"""
                .formatted(campaign, score, UUID.randomUUID(), at, respondent));
        assertEquals(201, r.statusCode(), r.body());
    }
}
