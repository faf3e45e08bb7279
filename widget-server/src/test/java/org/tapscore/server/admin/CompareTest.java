package org.tapscore.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comparison of two locations and of two periods matches figures worked out by hand, and the difference
 * test matches an independent computation of the combined standard error.
 */
class CompareTest {
    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void locationsAndPeriodsSideBySide(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(TestDatabases.create(kind), 10_000, new SteppedClock(NOW),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD))) {
            String shop = Seed.campaign(server, "NPS", "TOUCHPOINT");
            String aarhus = "Aarhus " + UUID.randomUUID();
            String odense = "Odense " + UUID.randomUUID();
            // June, Aarhus: 20 promoters, 10 passives, 10 detractors → n 40, NPS (20 − 10) / 40 = 25.
            repeat(server, shop, aarhus, "2026-06-10T10:00:00Z", 10, 20);
            repeat(server, shop, aarhus, "2026-06-11T10:00:00Z", 8, 10);
            repeat(server, shop, aarhus, "2026-06-12T10:00:00Z", 3, 10);
            // June, Odense: 8 promoters, 12 passives, 20 detractors → n 40, NPS (8 − 20) / 40 = −30.
            repeat(server, shop, odense, "2026-06-10T10:00:00Z", 10, 8);
            repeat(server, shop, odense, "2026-06-11T10:00:00Z", 7, 12);
            repeat(server, shop, odense, "2026-06-12T10:00:00Z", 2, 20);
            // May (the 30 days before the last 30: 2026-05-02..2026-05-31), Aarhus: 14 / 8 / 8 → n 30, NPS 20.
            repeat(server, shop, aarhus, "2026-05-20T10:00:00Z", 9, 14);
            repeat(server, shop, aarhus, "2026-05-21T10:00:00Z", 7, 8);
            repeat(server, shop, aarhus, "2026-05-22T10:00:00Z", 5, 8);
            // Outside both periods (2026-05-01) and from other kinds of campaign in the same place: never counted.
            repeat(server, shop, aarhus, "2026-05-01T10:00:00Z", 0, 5);
            repeat(server, Seed.campaign(server, "SCORE", "TOUCHPOINT"), aarhus, "2026-06-10T10:00:00Z", 0, 5);
            repeat(server, Seed.campaign(server, "NPS", "RELATIONSHIP"), aarhus, "2026-06-10T10:00:00Z", 0, 5);

            String places = "campaign1=" + shop + "&location1=" + enc(aarhus) + "&period1=custom&from1=2026-06-01"
                    + "&to1=2026-06-30&campaign2=" + shop + "&location2=" + enc(odense) + "&period2=last30&tz=UTC";
            JsonNode byPlace = Api.json(server.getWithKey("/api/v1/compare?" + places));
            assertSeries(byPlace.get("series").get(0), 40, 25.0);
            assertSeries(byPlace.get("series").get(1), 40, -30.0);
            assertEquals(50.0, byPlace.get("series").get(1).get("detractorShare").asDouble(), 1e-9);
            JsonNode placeDiff = byPlace.get("differences").get(0);
            double se = Math.sqrt(variance(20, 10, 40) / 40 + variance(8, 20, 40) / 40) * 100;
            assertEquals(-55.0, placeDiff.get("difference").asDouble(), 1e-9);
            assertEquals(se, placeDiff.get("standardError").asDouble(), 0.006);
            assertEquals(-55.0 - 1.96 * se, placeDiff.get("low").asDouble(), 0.006);
            assertEquals("DIFFERENT", placeDiff.get("verdict").asText(), "55 points apart with n = 40 each");

            String periods = "campaign1=" + shop + "&location1=" + enc(aarhus) + "&period1=last30"
                    + "&campaign2=" + shop + "&location2=" + enc(aarhus) + "&period2=prev30&tz=UTC";
            JsonNode byPeriod = Api.json(server.getWithKey("/api/v1/compare?" + periods));
            assertEquals("2026-05-02", byPeriod.get("series").get(1).get("from").asText());
            assertEquals("2026-05-31", byPeriod.get("series").get(1).get("to").asText());
            assertSeries(byPeriod.get("series").get(1), 30, 20.0);
            JsonNode periodDiff = byPeriod.get("differences").get(0);
            assertEquals(-5.0, periodDiff.get("difference").asDouble(), 1e-9);
            assertEquals(Math.sqrt(variance(20, 10, 40) / 40 + variance(14, 8, 30) / 30) * 100,
                    periodDiff.get("standardError").asDouble(), 0.006);
            assertEquals("NOT_DISTINGUISHABLE", periodDiff.get("verdict").asText());

            // All NPS campaigns in Aarhus in June: the touchpoint shop (40) and the relationship campaign (5, all 0).
            JsonNode all = Api.json(server.getWithKey("/api/v1/compare?campaign1=all&location1=" + enc(aarhus)
                    + "&period1=last30&campaign2=all&journey2=TOUCHPOINT&location2=" + enc(aarhus)
                    + "&period2=last30&campaign3=all&journey3=RELATIONSHIP&location3=" + enc(aarhus)
                    + "&period3=last30&tz=UTC"));
            assertSeries(all.get("series").get(0), 45, 100.0 * (20 - 15) / 45);
            assertSeries(all.get("series").get(1), 40, 25.0);
            assertSeries(all.get("series").get(2), 5, -100.0);
            assertEquals(3, all.get("differences").size(), "every pair of three");
            assertEquals("TOO_FEW", all.get("differences").get(2).get("verdict").asText());

            assertEquals("too-few-series", Api.problem(server.getWithKey("/api/v1/compare?campaign1=all"), 400)
                    .get("code").asText());
            assertEquals("unknown-campaign", Api.problem(server.getWithKey(
                    "/api/v1/compare?campaign1=all&campaign2=nope"), 404).get("code").asText());
            assertEquals(401, server.get("/api/v1/compare").statusCode());

            AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
            String page = admin.get("/admin/compare?" + places + "&campaign3=all&location3="
                    + enc("<script>alert(1)</script>")).body();
            assertTrue(page.contains("<td class=\"num n\">40</td>\n    <td class=\"num nps\">-30.0</td>"), page);
            assertTrue(page.contains("data-pair=\"1-2\"><th scope=\"row\">Series 2 − series 1</th>\n"
                    + "    <td class=\"num difference\">-55.0</td>"), page);
            assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "free text is escaped");
            assertFalse(page.contains("<script>alert(1)"));

            // A browser that asks for impossible dates gets a page that says so, not a JSON document.
            java.net.http.HttpResponse<String> backwards = server.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.baseUrl() + "/admin/compare?campaign1=all&period1=custom"
                            + "&from1=2026-12-01&to1=2026-11-01&campaign2=all"))
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                    .header("Cookie", AdminAuth.SESSION_COOKIE + "=" + admin.cookies.get(AdminAuth.SESSION_COOKIE)));
            assertEquals(400, backwards.statusCode(), backwards.body());
            assertTrue(backwards.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                    backwards.headers().toString());
        }
    }

    private static void assertSeries(JsonNode series, long n, double nps) {
        assertEquals(n, series.get("responses").asLong(), series.toString());
        assertEquals(nps, series.get("nps").asDouble(), 0.006, series.toString());
    }

    /** Variance of the +1/0/−1 coding of one answer. */
    private static double variance(long promoters, long detractors, long n) {
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        return p * 1 + d * 1 - (p - d) * (p - d);
    }

    private static void repeat(TestServer server, String campaign, String location, String at, int score, int times) {
        for (int i = 0; i < times; i++) {
            Seed.answer(server, campaign, score, "API", location, Instant.parse(at).plusSeconds(i), null, null);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
