package org.tapscore.server.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tapscore.sdk.Channel;
import org.tapscore.sdk.FatigueException;
import org.tapscore.sdk.Invitation;
import org.tapscore.sdk.Respondent;
import org.tapscore.sdk.TapscoreClient;
import org.tapscore.sdk.TriggerRequest;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delays, send windows in the recipient's time zone, fatigue rules, reminders and expiry, on a clock that only
 * moves when the test moves it. 2026-03-02 is a Monday; Copenhagen is UTC+1 until 29 March, UTC+2 after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FatigueAndScheduleTest {
    private static final Instant MONDAY_0700Z = Instant.parse("2026-03-02T07:00:00Z");

    private final MutableClock clock = new MutableClock(MONDAY_0700Z);
    private GreenMail mail;
    private InvitationServer server;
    private TapscoreClient sdk;

    @BeforeAll
    void start() {
        mail = InvitationServer.startMail();
        server = InvitationServer.start(TestDatabases.h2(), clock, mail);
        sdk = server.sdk();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void delaysAndSendWindowsAreHonouredAndRepeatsRefused() throws Exception {
        clock.set(MONDAY_0700Z);
        String campaign = server.campaign("window", """
                "name": "Window", "type": "NPS", "recontactDays": 30, "defaultLocale": "en",
                "texts": {"en": {"question": "Recommend us?"}},
                "sending": {"delay": "PT2H", "timeZone": "Europe/Copenhagen",
                            "window": {"from": "09:00", "to": "18:00",
                                       "days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]}}""");
        // 07:00Z + 2 h = 10:00 in Copenhagen, inside the window.
        Invitation copenhagen = trigger(campaign, Respondent.of("w-1").withEmail("w1@window.test"), null, null);
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), copenhagen.sendAt());
        assertEquals(Instant.parse("2026-04-01T09:00:00Z"), copenhagen.expiresAt(), "30 days after sending");
        // The respondent's own zone wins: 09:00Z is 04:00 in New York, so it waits for 09:00 there.
        Invitation newYork = trigger(campaign, Respondent.of("w-2").withEmail("w2@window.test")
                .withAttributes(Map.of("timeZone", "America/New_York")), null, null);
        assertEquals(Instant.parse("2026-03-02T14:00:00Z"), newYork.sendAt());
        // The trigger's own delay replaces the campaign's: Saturday 07:00Z → Monday 09:00 Copenhagen.
        Invitation weekend = trigger(campaign, Respondent.of("w-3").withEmail("w3@window.test"),
                Duration.ofDays(5), null);
        assertEquals(Instant.parse("2026-03-09T08:00:00Z"), weekend.sendAt());
        // An explicit time after closing moves to the next morning.
        Invitation evening = trigger(campaign, Respondent.of("w-4").withEmail("w4@window.test"), null,
                Instant.parse("2026-03-02T20:00:00Z"));
        assertEquals(Instant.parse("2026-03-03T08:00:00Z"), evening.sendAt());

        assertStays("w1@window.test", 0);
        clock.set(Instant.parse("2026-03-02T08:59:59Z"));
        assertStays("w1@window.test", 0);
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        awaitMessages("w1@window.test", 1);
        assertStays("w2@window.test", 0);
        clock.set(Instant.parse("2026-03-02T14:00:00Z"));
        awaitMessages("w2@window.test", 1);
        assertStays("w3@window.test", 0);
        assertStays("w4@window.test", 0);

        // Asked again within recontactDays (30): refused, with the first moment a new invitation is allowed.
        FatigueException refused = assertThrows(FatigueException.class,
                () -> trigger(campaign, Respondent.of("w-1"), null, null));
        assertEquals(Instant.parse("2026-04-01T09:00:00Z"), refused.nextAllowedAt().orElseThrow());
        HttpResponse<String> raw = server.withKey("POST", "/api/v1/invitations", """
                {"campaign": "%s", "respondent": {"externalId": "w-1"}, "channel": "EMAIL"}""".formatted(campaign));
        JsonNode problem = Api.problem(raw, 409);
        assertEquals("fatigue", problem.get("code").asText());
        assertEquals("2026-04-01T09:00:00Z", problem.get("nextAllowedAt").asText());
        assertTrue(problem.get("detail").asText().contains("30 days"), problem.toString());

        // At that moment (a Wednesday, 11:00 in Copenhagen after the DST change) it is accepted.
        clock.set(Instant.parse("2026-04-01T07:00:00Z"));
        Invitation again = trigger(campaign, Respondent.of("w-1"), null, null);
        assertEquals(Instant.parse("2026-04-01T09:00:00Z"), again.sendAt());
    }

    @Test
    void oneRelationshipSurveyPerNinetyDaysAcrossCampaigns() {
        Instant start = Instant.parse("2026-06-01T10:00:00Z");
        clock.set(start);
        String first = server.simpleCampaign("rel-a", "RELATIONSHIP", 30);
        String second = server.simpleCampaign("rel-b", "RELATIONSHIP", 30);
        String touchpoint = server.simpleCampaign("touch", "TOUCHPOINT", 30);
        Respondent carl = Respondent.of("rel-carl");

        assertEquals(start, link(first, carl).sendAt());
        FatigueException refused = assertThrows(FatigueException.class, () -> link(second, carl));
        assertEquals(start.plus(Duration.ofDays(90)), refused.nextAllowedAt().orElseThrow());
        assertTrue(refused.getMessage().contains("relationship"), refused.getMessage());
        // Touchpoint surveys are not limited by the relationship rule.
        assertEquals(start, link(touchpoint, carl).sendAt());

        clock.set(start.plus(Duration.ofDays(45)));
        assertThrows(FatigueException.class, () -> link(second, carl));
        // The campaign's own 30 days are over, but the 90-day relationship rule still holds for the first too.
        assertThrows(FatigueException.class, () -> link(first, carl));
        clock.set(start.plus(Duration.ofDays(90)));
        assertEquals(start.plus(Duration.ofDays(90)), link(second, carl).sendAt());
    }

    @Test
    void sameIdempotencyKeyReturnsTheSameInvitation() {
        clock.set(Instant.parse("2026-07-01T10:00:00Z"));
        String campaign = server.simpleCampaign("idem", "TOUCHPOINT", 30);
        String body = """
                {"campaign": "%s", "respondent": {"externalId": "idem-1", "phone": "+4512345678"},
                 "channel": "SMS"}""".formatted(campaign);
        HttpResponse<String> created = server.withKey("POST", "/api/v1/invitations", body, "Idempotency-Key", "order-77");
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> repeated = server.withKey("POST", "/api/v1/invitations", body, "Idempotency-Key", "order-77");
        assertEquals(200, repeated.statusCode(), repeated.body());
        assertEquals(Api.json(created).get("token").asText(), Api.json(repeated).get("token").asText());
        assertTrue(Api.json(created).get("smsText").asText().contains(Api.json(created).get("url").asText()));
        // A different key is a new trigger, and the fatigue rule refuses it.
        assertEquals(409, server.withKey("POST", "/api/v1/invitations", body, "Idempotency-Key", "order-78")
                .statusCode());
    }

    @Test
    void finalRefusalsAre422() {
        clock.set(Instant.parse("2026-08-01T10:00:00Z"));
        String never = server.campaign("sample", """
                "name": "Sampled", "type": "NPS", "samplePercent": 0, "texts": {"en": {"question": "Q?"}}""");
        JsonNode sampled = Api.problem(server.withKey("POST", "/api/v1/invitations", """
                {"campaign": "%s", "respondent": {"externalId": "s-1"}, "channel": "LINK"}""".formatted(never)), 422);
        assertEquals("not-sampled", sampled.get("code").asText());
        String campaign = server.simpleCampaign("noemail", "TOUCHPOINT", 30);
        JsonNode noEmail = Api.problem(server.withKey("POST", "/api/v1/invitations", """
                {"campaign": "%s", "respondent": {"externalId": "s-2"}, "channel": "EMAIL"}""".formatted(campaign)),
                422);
        assertEquals("missing-email", noEmail.get("code").asText());
        Api.problem(server.withKey("POST", "/api/v1/invitations", """
                {"campaign": "%s", "respondent": {"externalId": "s-3"}, "channel": "KIOSK"}""".formatted(campaign)),
                400);
        Api.problem(server.withKey("POST", "/api/v1/invitations", """
                {"campaign": "%s", "respondent": {"externalId": "s-4"}, "channel": "LINK", "delay": "3 days"}"""
                .formatted(campaign)), 400);
        assertEquals(401, server.postJson("/api/v1/invitations", """
                {"campaign": "%s", "respondent": {"externalId": "s-5"}, "channel": "LINK"}""".formatted(campaign))
                .statusCode());
        // The same address rule as contact lists: what an import refuses cannot come in through the API.
        for (String email : java.util.List.of("a\\u200Bb@x.dk", "<a@b.dk>", "a@-b.dk", ".a@x.dk", "a@dk")) {
            JsonNode bad = Api.problem(server.withKey("POST", "/api/v1/invitations", """
                    {"campaign": "%s", "respondent": {"externalId": "s-6", "email": "%s"}, "channel": "EMAIL"}"""
                    .formatted(campaign, email)), 400);
            assertEquals("respondent.email", bad.at("/errors/0/field").asText(), email + ": " + bad);
        }
        Api.problem(server.withKey("POST", "/api/v1/invitations", """
                {"campaign": "%s", "respondent": {"externalId": "s-7", "phone": "call me"}, "channel": "SMS"}"""
                .formatted(campaign)), 400);
    }

    @Test
    void oneReminderOnlyWhenUnansweredAndLinksExpire() throws Exception {
        Instant start = Instant.parse("2026-09-01T10:00:00Z");
        clock.set(start);
        String campaign = server.campaign("remind", """
                "name": "Reminder", "type": "NPS", "defaultLocale": "en", "texts": {"en": {"question": "Q?"}},
                "sending": {"reminderDays": 3, "expiryDays": 10}""");
        trigger(campaign, Respondent.of("rem-1").withEmail("quiet@remind.test"), null, null);
        Invitation answered = trigger(campaign, Respondent.of("rem-2").withEmail("answers@remind.test"), null, null);
        awaitMessages("quiet@remind.test", 1);
        awaitMessages("answers@remind.test", 1);
        HttpResponse<String> post = server.send(HttpRequest.newBuilder(URI.create(answered.url().toString()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("score=9&lang=en")));
        assertEquals(303, post.statusCode(), post.body());

        clock.set(start.plus(Duration.ofDays(3)));
        awaitMessages("quiet@remind.test", 2);
        assertStays("answers@remind.test", 1);
        clock.set(start.plus(Duration.ofDays(8)));
        assertStays("quiet@remind.test", 2);

        assertEquals(200, server.get(answered.url() + "?score=3", "Accept", "text/html").statusCode());
        clock.set(start.plus(Duration.ofDays(10)));
        HttpResponse<String> expired = server.get(answered.url() + "?score=3", "Accept", "text/html");
        assertEquals(410, expired.statusCode());
        assertTrue(expired.body().contains("This link is no longer valid."), expired.body());
        JsonNode problem = Api.problem(server.postJson("/api/v1/responses", """
                {"campaign": "%s", "score": 5, "channel": "EMAIL", "idempotencyKey": "late-answer-1",
                 "invitation": "%s"}""".formatted(campaign, answered.token())), 410);
        assertEquals("invitation-expired", problem.get("code").asText());
        assertEquals(9, server.responses(campaign).get(0).get("score").asInt(), "the answer is unchanged");
    }

    private Invitation trigger(String campaign, Respondent who, Duration delay, Instant sendAt) {
        TriggerRequest.Builder request = TriggerRequest.builder(campaign, who, Channel.EMAIL);
        if (delay != null) {
            request.delay(delay);
        }
        if (sendAt != null) {
            request.sendAt(sendAt);
        }
        return sdk.trigger(request.build());
    }

    private Invitation link(String campaign, Respondent who) {
        return sdk.trigger(TriggerRequest.builder(campaign, who, Channel.LINK).build());
    }

    private int count(String address) {
        int n = 0;
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                if (message.getAllRecipients()[0].toString().equals(address)) {
                    n++;
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }

    private void awaitMessages(String address, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (count(address) < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, count(address), address);
    }

    /** Several polls of the sender (every 100 ms) pass, and the count stays where it is. */
    private void assertStays(String address, int expected) throws InterruptedException {
        Thread.sleep(600);
        assertEquals(expected, count(address), address);
    }
}
