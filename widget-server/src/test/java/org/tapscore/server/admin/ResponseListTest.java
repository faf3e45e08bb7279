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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The responses list: every filter narrows the rows, and pages follow each other without overlap. */
class ResponseListTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void filtersAndPages(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(TestDatabases.create(kind), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD))) {
            String campaign = Seed.campaign(server, "NPS", "TOUCHPOINT");
            Instant start = Instant.parse("2026-05-01T10:00:00Z");
            for (int i = 0; i < 66; i++) {
                Seed.answer(server, campaign, i % 11, i % 2 == 0 ? "KIOSK" : "QR", i % 3 == 0 ? "Aarhus" : "Odense",
                        start.plusSeconds(86_400L * (i % 6)), i == 5 ? "Blåbær 50% _off_" : "fine", null);
            }
            AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
            String base = "/admin/responses?campaign=" + campaign + "&tz=UTC";
            assertEquals("66", total(admin.get(base).body()));
            assertEquals("42", total(admin.get(base + "&category=detractor").body()));
            assertEquals("12", total(admin.get(base + "&category=promoter").body()));
            assertEquals("6", total(admin.get(base + "&score=3").body()));
            assertEquals("33", total(admin.get(base + "&channel=KIOSK").body()));
            assertEquals("22", total(admin.get(base + "&location=Aarhus").body()));
            assertEquals("11", total(admin.get(base + "&from=2026-05-02&to=2026-05-02").body()));
            assertEquals("1", total(admin.get(base + "&q=50%25%20_OFF_").body()), "like wildcards are literal");
            assertEquals("0", total(admin.get(base + "&q=5_%25").body()));

            String first = admin.get(base).body();
            assertEquals(50, rows(first));
            Matcher next = Pattern.compile("href=\"([^\"]*)\" rel=\"next\"").matcher(first);
            assertTrue(next.find());
            String second = admin.get(next.group(1).replace("&amp;", "&")).body();
            assertEquals(16, rows(second));
            assertFalse(second.contains("rel=\"next\""));
            assertEquals(400, admin.get(base + "&score=11").statusCode());
        }
    }

    private static String total(String html) {
        Matcher m = Pattern.compile("id=\"total\">([0-9]+)<").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    private static int rows(String html) {
        return html.split("<tr id=\"r-").length - 1;
    }
}
