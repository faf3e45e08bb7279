package org.tapscore.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NPS targets through the API and the admin form: validation, the baseline, progress and the on-track judgement
 * at chosen clock times, checked against figures computed here from the seeded answers.
 */
class TargetTest {
    private static final Instant SET_AT = Instant.parse("2026-06-15T12:00:00Z");

    private static TestServer start(TestDatabases.Kind kind, SteppedClock clock) {
        return TestServer.start(TestDatabases.create(kind), 10_000, clock,
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void invalidTargetsAreProblems(TestDatabases.Kind kind) {
        try (TestServer server = start(kind, new SteppedClock(SET_AT))) {
            String campaign = Seed.campaign(server, "NPS", "TOUCHPOINT");
            assertField(put(server, campaign, "{\"nps\": -101, \"date\": \"2026-12-31\"}"), "nps");
            assertField(put(server, campaign, "{\"nps\": 101, \"date\": \"2026-12-31\"}"), "nps");
            assertField(put(server, campaign, "{\"nps\": 40, \"date\": \"2026-06-14\"}"), "date");
            assertField(put(server, campaign, "{\"nps\": 40, \"date\": \"2026-06-15\", \"timeZone\": \"UTC\"}"), "date");
            assertField(put(server, campaign, "{\"nps\": 40, \"date\": \"2026-13-01\"}"), "date");
            assertField(put(server, campaign, "{\"nps\": 40}"), "date");
            assertField(put(server, campaign, "{\"nps\": 40, \"date\": \"9999-12-31\"}"), "date");
            assertField(put(server, campaign, "{\"nps\": 40, \"date\": \"2036-06-16\"}"), "date");
            assertField(put(server, campaign, "{\"nps\": 40, \"date\": \"2026-12-31\", \"baseline\": 40}"), "baseline");
            assertField(put(server, campaign, "{\"nps\": 40, \"date\": \"+999999999-12-31\"}"), "date");
            assertField(put(server, campaign, "{\"nps\": 40.5, \"date\": \"2026-12-31\"}"), "nps");
            assertField(put(server, campaign, "{\"nps\": 40, \"date\": \"2026-12-31\", \"timeZone\": \"Mars/Base\"}"),
                    "timeZone");
            assertEquals("unknown-campaign", Api.problem(put(server, "no-such-campaign",
                    "{\"nps\": 40, \"date\": \"2026-12-31\"}"), 404).get("code").asText());
            assertEquals("no-target", Api.problem(server.getWithKey(path(campaign)), 404).get("code").asText());
            String score = Seed.campaign(server, "SCORE", "TOUCHPOINT");
            assertEquals("not-nps", Api.problem(put(server, score, "{\"nps\": 40, \"date\": \"2026-12-31\"}"), 422)
                    .get("code").asText());
            Api.problem(server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path(campaign)))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"nps\": 40, \"date\": \"2026-12-31\"}"))), 401);
            assertEquals(404, server.getWithKey(path(campaign)).statusCode(), "nothing was stored");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void progressAndJudgementAtChosenTimes(TestDatabases.Kind kind) {
        SteppedClock clock = new SteppedClock(SET_AT);
        try (TestServer server = start(kind, clock)) {
            String campaign = Seed.campaign(server, "NPS", "TOUCHPOINT");
            // Baseline: the 90 days before 2026-06-15 (from 2026-03-17): 4 promoters, 3 passives, 3 detractors.
            answers(server, campaign, "2026-04-01T10:00:00Z", null, 10, 10, 9, 9, 8, 7, 7, 6, 3, 0);
            answers(server, campaign, "2026-03-16T10:00:00Z", null, 0, 0);   // 91 days before: not in the baseline
            answers(server, campaign, "2026-06-15T09:00:00Z", null, 10);     // the day it is set: counts as progress
            JsonNode set = Api.json(assertStatus(200, put(server, campaign,
                    "{\"nps\": 50, \"date\": \"2026-10-13\", \"timeZone\": \"UTC\"}")));
            assertEquals(10.0, set.at("/baseline/nps").asDouble(), 1e-9);
            assertEquals(10, set.at("/baseline/answers").asLong());
            assertEquals("2026-06-15", set.at("/baseline/date").asText());
            assertEquals("API key", set.get("setBy").asText());
            assertEquals(120, set.at("/progress/daysLeft").asLong());
            assertEquals(1, set.at("/progress/responses").asLong());
            assertEquals("TOO_FEW", set.at("/progress/status").asText(), "one answer must not be called on track");

            // 60 of 120 days later: the path stands at 10 + (50 − 10) × 60/120 = 30.
            int[] now = new int[40];
            for (int i = 0; i < 40; i++) {
                now[i] = i < 30 ? 9 : i < 36 ? 7 : 2;
            }
            // (The server keeps an answer dated after its clock at the clock's time: move the clock first.)
            clock.set(Instant.parse("2026-08-14T12:00:00Z"));
            answers(server, campaign, "2026-07-20T08:00:00Z", null, now);
            JsonNode progress = Api.json(assertStatus(200, server.getWithKey(path(campaign)))).get("progress");
            long[] counts = counts(now, 10);   // plus the answer of 2026-06-15
            Expected e = Expected.of(counts);
            assertEquals(41, progress.get("responses").asLong());
            assertEquals(e.nps, progress.get("nps").asDouble(), 0.006);
            assertEquals(e.low, progress.get("low").asDouble(), 0.006);
            assertEquals(e.high, progress.get("high").asDouble(), 0.006);
            assertEquals(30.0, progress.get("expected").asDouble(), 1e-9);
            assertEquals((e.nps - 10) / 40, progress.get("progress").asDouble(), 0.0006);
            assertEquals(60, progress.get("daysLeft").asLong());
            assertTrue(e.low >= 30);
            assertEquals("ON_TRACK", progress.get("status").asText());

            // After the target date the path has reached 50, which lies inside the interval: no verdict.
            clock.set(Instant.parse("2026-10-20T12:00:00Z"));
            Seed.answer(server, campaign, 0, "API", null, Instant.parse("2026-10-15T12:00:00Z"), null, null);
            progress = Api.json(server.getWithKey(path(campaign))).get("progress");
            assertTrue(e.low < 50 && e.high > 50);
            assertEquals("UNCLEAR", progress.get("status").asText());
            assertEquals("2026-10-13", progress.get("to").asText(), "answers after the target date do not count");
            assertEquals(41, progress.get("responses").asLong());
            assertEquals(0, progress.get("daysLeft").asLong());
            assertTrue(progress.get("statusText").asText().contains("reached"));

            AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
            String page = admin.get("/admin/campaigns/" + campaign).body();
            assertTrue(page.contains("id=\"target-status\">Too close to call whether it was reached<"), page);
            assertTrue(page.contains("Target 50</text>"), "the target is a line on the trend chart");
            String list = admin.get("/admin").body();
            assertTrue(list.contains("<span class=\"progress-text\">" + Math.round((e.nps - 10) / 40 * 100) + " %</span>"),
                    list);
            assertEquals(204, delete(server, campaign).statusCode());
            assertEquals(404, delete(server, campaign).statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabases.Kind.class, names = "H2")
    void relationshipTargetsCountEachRespondentOnceAndCanBeBehind(TestDatabases.Kind kind) {
        SteppedClock clock = new SteppedClock(SET_AT);
        try (TestServer server = start(kind, clock)) {
            String campaign = Seed.campaign(server, "NPS", "RELATIONSHIP");
            JsonNode set = Api.json(assertStatus(200, put(server, campaign,
                    "{\"nps\": 50, \"date\": \"2026-10-13\", \"timeZone\": \"UTC\", \"baseline\": 0}")));
            assertEquals("NO_ANSWERS", set.at("/progress/status").asText());
            clock.set(Instant.parse("2026-08-14T12:00:00Z"));
            for (int i = 0; i < 30; i++) {
                if (i < 5) {   // an earlier 10 that the same customer's later 0 replaces
                    Seed.answer(server, campaign, 10, "SDK", null, Instant.parse("2026-06-20T10:00:00Z"), null, "c" + i);
                }
                Seed.answer(server, campaign, 0, "SDK", null, Instant.parse("2026-07-01T10:00:00Z"), null, "c" + i);
            }
            JsonNode progress = Api.json(server.getWithKey(path(campaign))).get("progress");
            assertEquals(30, progress.get("responses").asLong(), "latest answer per respondent");
            assertEquals(-100.0, progress.get("nps").asDouble(), 1e-9);
            assertEquals(25.0, progress.get("expected").asDouble(), 1e-9);
            assertEquals(-2.0, progress.get("progress").asDouble(), 1e-9);
            assertEquals("BEHIND", progress.get("status").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabases.Kind.class, names = "H2")
    void onlyAdminsSetTargetsOnTheCampaignPage(TestDatabases.Kind kind) {
        try (TestServer server = start(kind, new SteppedClock(SET_AT))) {
            String campaign = Seed.campaign(server, "NPS", "TOUCHPOINT");
            AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
            assertEquals(303, admin.post("/admin/settings/users", Map.of("csrf", admin.csrfOf("/admin/settings"),
                    "email", "viewer@shop.example", "password", "viewer password", "role", "VIEWER")).statusCode());
            AdminClient viewer = AdminClient.signedIn(server, "viewer@shop.example", "viewer password");
            String page = viewer.get("/admin/campaigns/" + campaign).body();
            assertFalse(page.contains("/target\""), "no target form for viewers");
            assertTrue(page.contains("Only admins can set or change the target."));
            HttpResponse<String> refused = viewer.post("/admin/campaigns/" + campaign + "/target",
                    Map.of("csrf", AdminClient.csrf(page), "nps", "40", "date", "2026-12-31"));
            assertEquals(403, refused.statusCode());
            assertEquals(404, server.getWithKey(path(campaign)).statusCode());

            String csrf = admin.csrfOf("/admin/campaigns/" + campaign);
            HttpResponse<String> bad = admin.post("/admin/campaigns/" + campaign + "/target",
                    Map.of("csrf", csrf, "nps", "101", "date", "2026-12-31"));
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("id=\"target-error\""), bad.body());
            HttpResponse<String> good = admin.post("/admin/campaigns/" + campaign + "/target",
                    Map.of("csrf", csrf, "nps", "40", "date", "2026-12-31"));
            assertEquals(303, good.statusCode(), good.body());
            JsonNode target = Api.json(server.getWithKey(path(campaign)));
            assertEquals(40, target.get("nps").asInt());
            assertEquals(AdminClient.ADMIN_EMAIL, target.get("setBy").asText());
            assertEquals("Europe/Copenhagen", target.get("timeZone").asText());
            assertEquals("NO_BASELINE", target.at("/progress/status").asText(), "no answers before it was set");
            assertEquals(403, viewer.post("/admin/campaigns/" + campaign + "/target/clear",
                    Map.of("csrf", AdminClient.csrf(viewer.get("/admin/campaigns/" + campaign).body()))).statusCode());
            assertEquals(303, admin.post("/admin/campaigns/" + campaign + "/target/clear", Map.of("csrf", csrf))
                    .statusCode());
            assertEquals(404, server.getWithKey(path(campaign)).statusCode());
        }
    }

    /** NPS and its 95 % interval computed here, independently of the server's code. */
    record Expected(double nps, double low, double high) {
        static Expected of(long[] counts) {
            long n = 0;
            long promoters = 0;
            long detractors = 0;
            for (int s = 0; s <= 10; s++) {
                n += counts[s];
                promoters += s >= 9 ? counts[s] : 0;
                detractors += s <= 6 ? counts[s] : 0;
            }
            double mean = (promoters - detractors) / (double) n;
            // Variance of one answer's +1/0/−1 code is E[x²] − E[x]²; the mean's standard error divides it by n.
            double sumSquares = (promoters + detractors) / (double) n;
            double se = Math.sqrt((sumSquares - mean * mean) / n);
            return new Expected(100 * mean, 100 * (mean - 1.96 * se), 100 * (mean + 1.96 * se));
        }
    }

    static long[] counts(int[] scores, int... more) {
        long[] counts = new long[11];
        for (int s : scores) {
            counts[s]++;
        }
        for (int s : more) {
            counts[s]++;
        }
        return counts;
    }

    private static void answers(TestServer server, String campaign, String at, String location, int... scores) {
        for (int score : scores) {
            Seed.answer(server, campaign, score, "API", location, Instant.parse(at), null, null);
        }
    }

    private static String path(String campaign) {
        return "/api/v1/campaigns/" + campaign + "/target";
    }

    private static HttpResponse<String> put(TestServer server, String campaign, String json) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path(campaign)))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)),
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
    }

    private static HttpResponse<String> delete(TestServer server, String campaign) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path(campaign))).DELETE(),
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
    }

    private static HttpResponse<String> assertStatus(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        return response;
    }

    private static void assertField(HttpResponse<String> response, String field) {
        JsonNode problem = Api.problem(response, 400);
        assertTrue(problem.toString().contains("\"field\":\"" + field + "\""), problem.toString());
    }
}
