package org.tapscore.server.admin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.time.Clock;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dashboard SQL on both databases: day buckets in the viewer's zone, latest answer per respondent, period change. */
class DashboardStatsTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void bucketsLatestAnswersAndChange(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(TestDatabases.create(kind), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD))) {
            String campaign = Seed.campaign(server, "NPS", "RELATIONSHIP");
            // 23:30 UTC on the 1st of March is the 2nd in Copenhagen, but still the 1st in New York.
            Seed.answer(server, campaign, 2, "SDK", null, Instant.parse("2026-03-01T23:30:00Z"), null, "cust-1");
            Seed.answer(server, campaign, 10, "SDK", null, Instant.parse("2026-03-03T10:00:00Z"), null, "cust-1");
            Seed.answer(server, campaign, 9, "SDK", null, Instant.parse("2026-03-03T11:00:00Z"), null, "cust-2");
            Seed.answer(server, campaign, 0, "API", "Odense", Instant.parse("2026-03-03T12:00:00Z"), null, null);
            AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);

            String base = "/admin/campaigns/" + campaign + "?from=2026-03-01&to=2026-03-03&bucket=day";
            String cph = admin.get(base + "&tz=Europe/Copenhagen").body();
            assertEquals("0", bucket(cph, "2026-03-01"));
            assertEquals("1", bucket(cph, "2026-03-02"));
            assertEquals("3", bucket(cph, "2026-03-03"));
            assertEquals("0.0", id(cph, "nps"), "2 promoters and 2 detractors of 4");
            String ny = admin.get(base + "&tz=America/New_York").body();
            assertEquals("1", bucket(ny, "2026-03-01"));
            assertEquals("0", bucket(ny, "2026-03-02"));
            String india = admin.get(base + "&tz=Asia/Kolkata").body();
            assertEquals("1", bucket(india, "2026-03-02"), "a +5:30 zone needs quarter-hour slots");

            String latest = admin.get(base + "&tz=Europe/Copenhagen&latest=1").body();
            assertEquals("3", id(latest, "n"), "cust-1 counts once, with the 10");
            assertEquals("33.3", id(latest, "nps"));

            String list = admin.get("/admin?from=2026-03-03&to=2026-03-03&tz=Europe/Copenhagen").body();
            Matcher row = Pattern.compile("data-campaign=\"" + campaign + "\">.*?class=\"num nps\">([^<]*)<.*?"
                    + "class=\"num change[^\"]*\">([^<]*)<.*?class=\"num answers\">([^<]*)<", Pattern.DOTALL).matcher(list);
            assertTrue(row.find(), list);
            assertEquals("33.3", row.group(1));
            assertEquals("+133.3", row.group(2), "from -100 on the 2nd to 33.3 on the 3rd");
            assertEquals("3", row.group(3));
        }
    }

    private static String bucket(String html, String day) {
        Matcher m = Pattern.compile("data-bucket=\"" + day + "\"><td>[^<]*</td><td class=\"num\">([0-9]+)<").matcher(html);
        assertTrue(m.find(), "no bucket " + day);
        return m.group(1);
    }

    private static String id(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
        assertTrue(m.find(), "no #" + id);
        return m.group(1);
    }
}
