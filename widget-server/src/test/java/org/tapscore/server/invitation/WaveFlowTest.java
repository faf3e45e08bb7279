package org.tapscore.server.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wave from the respondent's side and the planner's: answers and opened pages show in the wave's figures,
 * the send window holds back night-time slots without bunching them in the morning, previews and tests, dry
 * runs, and refused input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaveFlowTest {
    private static final Pattern TOKEN = Pattern.compile("/r/([A-Za-z0-9_-]{20,})");
    // 2026-03-02 is a Monday; Copenhagen is UTC+1 then.
    private static final Instant MONDAY_1000Z = Instant.parse("2026-03-02T10:00:00Z");

    private final MutableClock clock = new MutableClock(MONDAY_1000Z);
    private GreenMail mail;
    private InvitationServer server;

    @BeforeAll
    void start() {
        mail = InvitationServer.startMail();
        server = InvitationServer.start(TestDatabases.h2(), clock, mail);
    }

    @AfterAll
    void stop() {
        server.close();
        mail.stop();
    }

    @Test
    void answersAndOpenedPagesCountInTheWave() throws Exception {
        clock.set(MONDAY_1000Z);
        importPeople("flow", "Flow", 4);
        String campaign = server.simpleCampaign("flow", "TOUCHPOINT", 30);
        JsonNode wave = create("""
                {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 3600, "selection": {"company": "Flow"}}"""
                .formatted(campaign), 201);
        String id = wave.get("id").asText();
        assertEquals(4, wave.get("queued").asLong());
        clock.advance(java.time.Duration.ofSeconds(10));
        List<String> tokens = tokens("@flow.test", 4);

        assertEquals(200, server.get("/r/" + tokens.get(0)).statusCode());
        assertEquals(200, server.get("/r/" + tokens.get(0) + "?score=9").statusCode()); // opened once, counted once
        answer(campaign, tokens.get(0), 9);
        answer(campaign, tokens.get(1), 3);

        JsonNode report = Api.json(server.withKey("GET", "/api/v1/waves/" + id, null));
        assertEquals(4, report.get("sent").asLong(), report.toString());
        assertEquals(1, report.get("opened").asLong());
        assertEquals(2, report.get("answered").asLong());
        assertEquals(50.0, report.get("responseRate").asDouble());
        JsonNode last = report.get("timeline").get(report.get("timeline").size() - 1);
        assertEquals(4, last.get("sent").asLong(), report.get("timeline").toString());
        assertEquals(2, last.get("answered").asLong());
        assertEquals(50.0, last.get("responseRate").asDouble());

        // Answers to the same campaign outside the wave do not count in it.
        HttpResponse<String> outside = server.withKey("POST", "/api/v1/responses", """
                {"campaign": "%s", "score": 10, "channel": "API", "idempotencyKey": "%s"}"""
                .formatted(campaign, UUID.randomUUID()));
        assertEquals(201, outside.statusCode(), outside.body());
        assertEquals(2, Api.json(server.withKey("GET", "/api/v1/waves/" + id, null)).get("answered").asLong());
        JsonNode list = Api.json(server.withKey("GET", "/api/v1/waves", null)).get("items");
        assertTrue(list.toString().contains(id), list.toString());
    }

    @Test
    void nothingGoesOutAtNightAndTheRateHoldsInTheMorning() throws Exception {
        clock.set(Instant.parse("2026-03-02T14:30:00Z")); // 15:30 in Copenhagen
        importPeople("night", "Night", 10);
        String campaign = server.campaign("night", """
                "name": "Night", "type": "NPS", "defaultLocale": "en", "texts": {"en": {"question": "Recommend us?"}},
                "sending": {"timeZone": "Europe/Copenhagen", "window": {"from": "09:00", "to": "17:00",
                            "days": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]}}""");
        JsonNode wave = create("""
                {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 4, "selection": {"company": "Night"}}"""
                .formatted(campaign), 201);
        // 15:30, 15:45 … 16:45 on Monday (six), then 09:00 … 09:45 on Tuesday: one every 15 minutes, not four at 09:00.
        assertEquals("2026-03-02T14:30:00Z", wave.get("firstSendAt").asText());
        assertEquals("2026-03-03T08:45:00Z", wave.get("lastSendAt").asText());
        clock.set(Instant.parse("2026-03-02T15:59:59Z"));
        awaitDomain("@night.test", 6);
        clock.set(Instant.parse("2026-03-03T07:59:59Z")); // 08:59:59 on Tuesday
        awaitDomain("@night.test", 6);
        clock.set(Instant.parse("2026-03-03T08:15:00Z"));
        awaitDomain("@night.test", 8);
        clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        awaitDomain("@night.test", 10);
    }

    @Test
    void previewInEachLanguageAndATestThatIsNotPartOfAnyWave() throws Exception {
        clock.set(MONDAY_1000Z);
        String campaign = server.campaign("preview", """
                "name": "Preview", "type": "NPS", "defaultLocale": "en",
                "texts": {"en": {"question": "Recommend <Test & Shop>?"}, "da": {"question": "Anbefale <Test & Shop>?"}}""");
        JsonNode previews = Api.json(server.withKey("POST", "/api/v1/waves/preview",
                "{\"campaign\": \"%s\"}".formatted(campaign))).get("previews");
        assertEquals(2, previews.size());
        assertEquals("en", previews.get(0).get("locale").asText());
        assertEquals("Recommend <Test & Shop>?", previews.get(0).get("subject").asText());
        assertTrue(previews.get(0).get("html").asText().contains("Recommend &lt;Test &amp; Shop&gt;?"));
        assertEquals("da", previews.get(1).get("locale").asText());
        assertTrue(previews.get(1).get("sms").asText().startsWith("Anbefale <Test & Shop>? (0–10) "));

        HttpResponse<String> test = server.withKey("POST", "/api/v1/waves/test", """
                {"campaign": "%s", "channel": "EMAIL", "to": "planner@admin.test", "locale": "da"}""".formatted(campaign));
        assertEquals(202, test.statusCode(), test.body());
        awaitDomain("@admin.test", 1);
        MimeMessage sent = forDomain("@admin.test").getFirst();
        assertEquals("Anbefale <Test & Shop>?", sent.getSubject());
        String link = InvitationServer.part(sent, "text/plain");
        Matcher m = Pattern.compile("/r/([^?\\s]+)").matcher(link);
        assertTrue(m.find(), link);
        assertEquals(404, server.get("/r/" + m.group(1)).statusCode(), "a test's link records nothing");

        // A test to a language the campaign lacks, or to an address of the wrong kind, is refused, not sent.
        assertEquals("locale", Api.problem(server.withKey("POST", "/api/v1/waves/test", """
                {"campaign": "%s", "channel": "EMAIL", "to": "planner@admin.test", "locale": "fr"}""".formatted(campaign)),
                400).get("errors").get(0).get("field").asText());
        Api.problem(server.withKey("POST", "/api/v1/waves/test", """
                {"campaign": "%s", "channel": "EMAIL", "to": "planner at admin.test"}""".formatted(campaign)), 400);
        Api.problem(server.withKey("POST", "/api/v1/waves/test", """
                {"campaign": "%s", "channel": "SMS", "to": "planner@admin.test"}""".formatted(campaign)), 400);
        Thread.sleep(500);
        assertEquals(1, forDomain("@admin.test").size(), "only the one good test was sent");
    }

    @Test
    void aDryRunCountsAndStoresNothing() {
        clock.set(MONDAY_1000Z);
        importPeople("dry", "Dry", 3);
        String campaign = server.simpleCampaign("dry", "TOUCHPOINT", 30);
        int before = Api.json(server.withKey("GET", "/api/v1/waves", null)).get("items").size();
        JsonNode plan = create("""
                {"campaign": "%s", "channel": "SMS", "ratePerHour": 10, "dryRun": true, "selection": {"company": "Dry"}}"""
                .formatted(campaign), 200);
        assertTrue(plan.get("dryRun").asBoolean());
        assertEquals(3, plan.get("selected").asInt());
        assertEquals(0, plan.get("invited").asInt(), "the imported people have no phone numbers");
        assertEquals(3, plan.at("/skipReasons/no-phone").asInt());
        assertEquals("no-phone", plan.get("skips").get(0).get("reason").asText());
        assertEquals(before, Api.json(server.withKey("GET", "/api/v1/waves", null)).get("items").size());
    }

    @Test
    void aWaveLeftHalfPlannedIsFinishedWithoutAskingAnyoneTwice() throws Exception {
        clock.set(MONDAY_1000Z);
        importPeople("half", "Half", 6);
        String campaign = server.simpleCampaign("half", "TOUCHPOINT", 30);
        String body = """
                {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 60, "selection": {"company": "Half"}}"""
                .formatted(campaign);
        HttpResponse<String> first = server.withKey("POST", "/api/v1/waves", body, "Idempotency-Key", "half-1");
        assertEquals(201, first.statusCode(), first.body());
        String id = Api.json(first).get("id").asText();
        // What a node that stopped after its first committed batch leaves behind: three planned, still PLANNING.
        List<String> kept = leaveHalfPlanned(id);

        HttpResponse<String> retry = server.withKey("POST", "/api/v1/waves", body, "Idempotency-Key", "half-1");
        assertEquals(200, retry.statusCode(), retry.body());
        JsonNode wave = Api.json(retry);
        assertEquals(id, wave.get("id").asText());
        assertEquals("scheduled", wave.get("status").asText(), wave.toString());
        assertEquals(6, wave.get("invited").asLong(), wave.toString());
        assertEquals(0, wave.get("skipped").asLong(), "the three already invited are not refused as recontacts");
        List<String[]> rows = waveInvitations(id);
        assertEquals(6, rows.stream().map(r -> r[1]).distinct().count(), "one invitation per respondent");
        assertTrue(rows.stream().map(r -> r[0]).toList().containsAll(kept), "the first three are left as they were");
        // The rest continue one a minute after the last planned slot instead of starting again at the front.
        assertEquals(MONDAY_1000Z.plusSeconds(5 * 60).toString(), wave.get("lastSendAt").asText());

        // With no retry, any node's periodic look finishes it.
        leaveHalfPlanned(id);
        assertEquals(1, server.server.components().waves().resumeStalled());
        assertEquals(6, waveInvitations(id).size());
        assertEquals(0, server.server.components().waves().resumeStalled(), "nothing left to finish");
    }

    @Test
    void aStoppedWaveSendsNothingMoreAndWeighsOnNobodysFatigue() throws Exception {
        clock.set(MONDAY_1000Z);
        importPeople("stop", "Stop", 5);
        String campaign = server.simpleCampaign("stop", "TOUCHPOINT", 30);
        String body = """
                {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 60, "selection": {"company": "Stop"}}"""
                .formatted(campaign);
        String id = create(body, 201).get("id").asText();
        clock.advance(java.time.Duration.ofSeconds(10));
        awaitDomain("@stop.test", 1);

        HttpResponse<String> cancel = server.withKey("POST", "/api/v1/waves/" + id + "/cancel", null);
        assertEquals(200, cancel.statusCode(), cancel.body());
        JsonNode stopped = Api.json(cancel);
        assertEquals("cancelled", stopped.get("status").asText(), stopped.toString());
        assertEquals(1, stopped.get("sent").asLong());
        assertEquals(4, stopped.get("cancelled").asLong());
        assertEquals(0, stopped.get("queued").asLong());
        clock.advance(java.time.Duration.ofHours(2));
        Thread.sleep(1500); // many sender polls, with every slot due
        assertEquals(1, forDomain("@stop.test").size(), "nothing more went out");
        assertEquals(4, Api.json(server.withKey("POST", "/api/v1/waves/" + id + "/cancel", null)).get("cancelled")
                .asLong(), "stopping twice changes nothing");
        Api.problem(server.withKey("POST", "/api/v1/waves/" + UUID.randomUUID() + "/cancel", null), 404);
        Api.problem(server.postJson("/api/v1/waves/" + id + "/cancel", "{}"), 401);

        // The four never asked may be asked by the next wave; the one who got the mail is inside the window.
        HttpResponse<String> nextResponse = server.withKey("POST", "/api/v1/waves", body, "Idempotency-Key", "stop-next");
        assertEquals(201, nextResponse.statusCode(), nextResponse.body());
        JsonNode next = Api.json(nextResponse);
        assertEquals(4, next.get("invited").asLong(), next.toString());
        assertEquals(1, next.at("/skipReasons/recontact").asLong(), next.toString());

        // A dry run with the key of a stored wave is still a dry run: it neither returns nor stores a wave.
        HttpResponse<String> dry = server.withKey("POST", "/api/v1/waves", body.replace("\"ratePerHour\"",
                "\"dryRun\": true, \"ratePerHour\""), "Idempotency-Key", "stop-next");
        assertEquals(200, dry.statusCode(), dry.body());
        assertTrue(Api.json(dry).get("dryRun").asBoolean(), dry.body());

        // A wave stopped while still in planning is not taken up again by the stalled-planner check.
        String nextId = next.get("id").asText();
        try (Connection c = server.server.components().db().connection();
             PreparedStatement ps = c.prepareStatement("update wave set status = 'PLANNING', planning_until = null "
                     + "where id = ?")) {
            ps.setObject(1, UUID.fromString(nextId));
            assertEquals(1, ps.executeUpdate());
        }
        server.withKey("POST", "/api/v1/waves/" + nextId + "/cancel", null);
        assertEquals(0, server.server.components().waves().resumeStalled());
        assertEquals("cancelled", Api.json(server.withKey("GET", "/api/v1/waves/" + nextId, null)).get("status").asText());
    }

    @Test
    void stoppingAWaveWhileItIsPlannedLeavesNothingQueuedAndAnswersTheCreatorWithTheWave() throws Exception {
        clock.set(MONDAY_1000Z);
        importPeople("race", "Race", 2000);
        String campaign = server.simpleCampaign("race", "TOUCHPOINT", 30);
        String body = """
                {"campaign": "%s", "channel": "EMAIL", "name": "Race wave", "ratePerHour": 100000,
                 "startAt": "2026-03-09T10:00:00Z", "selection": {"company": "Race"}}""".formatted(campaign);
        try (java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            java.util.concurrent.Future<HttpResponse<String>> created = both.submit(() -> server.withKey("POST",
                    "/api/v1/waves", body, "Idempotency-Key", "race-1"));
            java.util.concurrent.Future<String> stopped = both.submit(() -> {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline) {
                    for (JsonNode w : Api.json(server.withKey("GET", "/api/v1/waves", null)).get("items")) {
                        if (w.get("name").asText().equals("Race wave")) {
                            String id = w.get("id").asText();
                            assertEquals(200, server.withKey("POST", "/api/v1/waves/" + id + "/cancel", null)
                                    .statusCode());
                            return id;
                        }
                    }
                    Thread.sleep(5);
                }
                throw new AssertionError("the wave never showed up");
            });
            HttpResponse<String> answer = created.get();
            String id = stopped.get();
            assertTrue(answer.statusCode() == 201 || answer.statusCode() == 200, answer.body());
            assertEquals(id, Api.json(answer).get("id").asText());
            JsonNode wave = Api.json(server.withKey("GET", "/api/v1/waves/" + id, null));
            assertEquals("cancelled", wave.get("status").asText(), wave.toString());
            assertEquals(0, wave.get("queued").asLong(), "whenever the stop came, nothing is left to send");
            assertEquals(wave.get("invited").asLong(), wave.get("cancelled").asLong(), wave.toString());
        }
    }

    /** Deletes the wave's last three invitations and puts it back into planning with its hold run out. */
    private List<String> leaveHalfPlanned(String waveId) throws Exception {
        try (Connection c = server.server.components().db().connection()) {
            List<String[]> rows = waveInvitations(waveId);
            for (String[] row : rows.subList(3, rows.size())) {
                try (PreparedStatement ps = c.prepareStatement("delete from invitation where id = ?")) {
                    ps.setObject(1, UUID.fromString(row[0]));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "update wave set status = 'PLANNING', planning_until = ? where id = ?")) {
                ps.setObject(1, java.time.OffsetDateTime.ofInstant(clock.instant().minusSeconds(1),
                        java.time.ZoneOffset.UTC));
                ps.setObject(2, UUID.fromString(waveId));
                assertEquals(1, ps.executeUpdate());
            }
            return rows.subList(0, 3).stream().map(r -> r[0]).toList();
        }
    }

    /** The wave's invitations as (id, respondent), in send order. */
    private List<String[]> waveInvitations(String waveId) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (Connection c = server.server.components().db().connection();
             PreparedStatement ps = c.prepareStatement(
                     "select id, respondent_id from invitation where wave_id = ? order by send_at, id")) {
            ps.setObject(1, UUID.fromString(waveId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }

    @Test
    void badInputIsAProblemDocument() {
        String campaign = server.simpleCampaign("bad", "TOUCHPOINT", 30);
        assertEquals("unknown-campaign", Api.problem(server.withKey("POST", "/api/v1/waves",
                "{\"campaign\": \"no-such\", \"channel\": \"EMAIL\", \"ratePerHour\": 10}"), 404).get("code").asText());
        for (String rate : List.of("0", "-5", "1.5", "\"ten\"")) {
            Api.problem(server.withKey("POST", "/api/v1/waves", """
                    {"campaign": "%s", "channel": "EMAIL", "ratePerHour": %s}""".formatted(campaign, rate)), 400);
        }
        Api.problem(server.withKey("POST", "/api/v1/waves", """
                {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 10, "selection": {"colour": "red"}}"""
                .formatted(campaign)), 400);
        Api.problem(server.withKey("POST", "/api/v1/waves", """
                {"campaign": "%s", "channel": "LINK", "ratePerHour": 10}""".formatted(campaign)), 400);
        Api.problem(server.withKey("POST", "/api/v1/waves", "{\"campaign\": \"%s\", \"channel\": \"EMAIL\"}"
                .formatted(campaign)), 400);
        Api.problem(server.postJson("/api/v1/waves", "{\"campaign\": \"%s\", \"channel\": \"EMAIL\", \"ratePerHour\": 1}"
                .formatted(campaign)), 401);
        Api.problem(server.withKey("GET", "/api/v1/waves/not-a-wave", null), 404);
        Api.problem(server.withKey("GET", "/api/v1/waves/" + UUID.randomUUID() + "/skipped", null), 404);
        Api.problem(server.withKey("DELETE", "/api/v1/waves/" + UUID.randomUUID(), null), 405);
        Api.problem(server.withKey("PUT", "/api/v1/waves/count", "{}"), 405);
        Api.problem(server.withKey("PUT", "/api/v1/waves", "{}"), 405);
        Api.problem(server.withKey("POST", "/api/v1/waves/preview", "{\"campaign\": \"no-such\"}"), 404);
        Api.problem(server.withKey("POST", "/api/v1/waves/test", "{\"campaign\": \"%s\"}".formatted(campaign)), 400);
        JsonNode past = Api.problem(server.withKey("POST", "/api/v1/waves", """
                {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 10, "startAt": "%s"}"""
                .formatted(campaign, clock.instant().minus(java.time.Duration.ofDays(365)))), 400);
        assertEquals("startAt", past.get("errors").get(0).get("field").asText(), past.toString());
        int waves = Api.json(server.withKey("GET", "/api/v1/waves", null)).get("items").size();
        for (String start : List.of("+999999999-12-31T23:59:59Z", "9999-12-31T23:00:00Z",
                clock.instant().plus(java.time.Duration.ofDays(366)).toString())) {
            Api.problem(server.withKey("POST", "/api/v1/waves", """
                    {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 10, "startAt": "%s"}"""
                    .formatted(campaign, start)), 400);
        }
        assertEquals("selection.lastAnswerAfter", Api.problem(server.withKey("POST", "/api/v1/waves", """
                {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 10, "selection":
                 {"lastAnswerAfter": "2026-02-01T00:00:00Z", "lastAnswerBefore": "2026-01-01T00:00:00Z"}}"""
                .formatted(campaign)), 400).get("errors").get(0).get("field").asText());
        Api.problem(server.withKey("POST", "/api/v1/waves", """
                {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 10, "selection": {"attributes": {"plan": null}}}"""
                .formatted(campaign)), 400);
        Api.problem(server.withKey("POST", "/api/v1/waves", """
                {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 10, "dryRun": true,
                 "selection": {"attributes": {"plan": " "}}}""".formatted(campaign)), 400);
        assertEquals(waves, Api.json(server.withKey("GET", "/api/v1/waves", null)).get("items").size(),
                "no refused wave was stored");
        assertEquals(201, server.withKey("POST", "/api/v1/waves", """
                {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 10, "startAt": "%s",
                 "selection": {"company": "Nobody by this name"}}"""
                .formatted(campaign, clock.instant().minusSeconds(60))).statusCode(), "a minute late is still now");
    }

    private JsonNode create(String json, int status) {
        HttpResponse<String> response = server.withKey("POST", "/api/v1/waves", json);
        assertEquals(status, response.statusCode(), response.body());
        return Api.json(response);
    }

    private void importPeople(String prefix, String company, int n) {
        StringBuilder csv = new StringBuilder("externalId,email,company\n");
        for (int i = 0; i < n; i++) {
            csv.append("%s-%d,%s-%d@%s.test,%s\n".formatted(prefix, i, prefix, i, prefix, company));
        }
        HttpResponse<String> imported = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl + "/api/v1/imports"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
        assertEquals(200, imported.statusCode(), imported.body());
    }

    private void answer(String campaign, String token, int score) {
        HttpResponse<String> r = server.postJson("/api/v1/responses", """
                {"campaign": "%s", "score": %d, "channel": "EMAIL", "idempotencyKey": "%s", "invitation": "%s"}"""
                .formatted(campaign, score, UUID.randomUUID(), token));
        assertEquals(201, r.statusCode(), r.body());
    }

    private List<String> tokens(String domain, int n) throws Exception {
        awaitDomain(domain, n);
        List<String> tokens = new ArrayList<>();
        for (MimeMessage message : forDomain(domain)) {
            Matcher m = TOKEN.matcher(InvitationServer.part(message, "text/plain"));
            assertTrue(m.find());
            tokens.add(m.group(1));
        }
        assertFalse(tokens.isEmpty());
        return tokens;
    }

    private void awaitDomain(String domain, int n) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (forDomain(domain).size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // several sender polls: nothing beyond the due ones may arrive
        assertEquals(n, forDomain(domain).size(), "mails to " + domain);
    }

    private List<MimeMessage> forDomain(String domain) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().endsWith(domain)) {
                out.add(message);
            }
        }
        return out;
    }
}
