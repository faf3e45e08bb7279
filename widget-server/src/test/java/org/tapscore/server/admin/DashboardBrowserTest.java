package org.tapscore.server.admin;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in Chromium shows the figures this test computes on its own from a generated data set, with
 * day buckets in Europe/Copenhagen across midnight and the end of summer time (2026-10-25).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
    static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    static final String XSS = "<img src=x onerror=alert(1)>";

    private TestServer server;
    private ChromeDriver browser;
    private final List<Answer> answers = new ArrayList<>();
    private String campaign;

    record Answer(int score, Instant at, String channel, String location) {
    }

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD));
        browser = Browsers.chromium();
        campaign = Seed.campaign(server, "NPS", "TOUCHPOINT");
        Random random = new Random(42);
        String[] channels = {"EMBED", "KIOSK", "QR"};
        String[] locations = {"Aarhus", "København", null};
        Instant base = Instant.parse("2026-10-20T00:00:00Z");
        for (int i = 0; i < 160; i++) {
            // Many answers fall between 21:30 and 01:30 UTC: the hours where UTC and Copenhagen disagree on the day.
            long day = random.nextInt(11);
            long minute = random.nextBoolean() ? 21 * 60 + 30 + random.nextInt(240) : random.nextInt(24 * 60);
            Instant at = base.plusSeconds(day * 86_400 + minute * 60);
            Answer answer = new Answer(random.nextInt(11), at, channels[random.nextInt(3)], locations[random.nextInt(3)]);
            answers.add(answer);
            Seed.answer(server, campaign, answer.score(), answer.channel(), answer.location(), at,
                    i == 7 ? XSS : null, null);
        }
        // Around the DST change itself: 00:30 and 01:30 UTC on 2026-10-25 are 02:30 (summer) and 02:30 (winter).
        for (String at : List.of("2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-24T22:00:00Z",
                "2026-10-25T22:59:00Z", "2026-10-25T23:00:00Z")) {
            Answer answer = new Answer(10, Instant.parse(at), "QR", null);
            answers.add(answer);
            Seed.answer(server, campaign, 10, "QR", null, answer.at(), null, null);
        }
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private void signIn() {
        browser.get(server.baseUrl() + "/admin/login");
        if (!browser.getCurrentUrl().endsWith("/admin/login")) {
            return;
        }
        AdminClient.signIn(browser, server);
        assertTrue(browser.getCurrentUrl().endsWith("/admin"), browser.getCurrentUrl());
    }

    private void openDashboard(String query) {
        signIn();
        browser.get(server.baseUrl() + "/admin/campaigns/" + campaign + "?" + query);
    }

    @Test
    void figuresMatchAnIndependentComputation() {
        openDashboard("from=2026-10-20&to=2026-10-31&tz=Europe/Copenhagen&bucket=day");
        long[] counts = new long[11];
        answers.forEach(a -> counts[a.score()]++);
        long n = answers.size();
        long promoters = counts[9] + counts[10];
        long detractors = 0;
        for (int s = 0; s <= 6; s++) {
            detractors += counts[s];
        }
        double nps = 100.0 * (promoters - detractors) / n;
        assertEquals(String.format(Locale.ROOT, "%.1f", nps), text("nps"));
        assertEquals(Long.toString(n), text("n"));
        assertEquals(Long.toString(promoters), text("promoters"));
        assertEquals(Long.toString(counts[7] + counts[8]), text("passives"));
        assertEquals(Long.toString(detractors), text("detractors"));
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double se = Math.sqrt((p + d - (p - d) * (p - d)) / n);
        assertEquals(String.format(Locale.ROOT, "%.1f to %.1f", 100 * (p - d - 1.96 * se), 100 * (p - d + 1.96 * se)),
                text("ci"));
        List<String> distribution = browser.findElements(By.cssSelector("#distribution tbody td")).stream()
                .map(WebElement::getText).toList();
        List<String> expected = new ArrayList<>();
        for (long c : counts) {
            expected.add(Long.toString(c));
        }
        assertEquals(expected, distribution);
        assertTrue(browser.findElements(By.id("small-sample")).isEmpty());

        Map<LocalDate, long[]> byDay = new TreeMap<>();
        answers.forEach(a -> byDay.computeIfAbsent(a.at().atZone(CPH).toLocalDate(), k -> new long[11])[a.score()]++);
        Map<String, String> shown = browser.findElements(By.cssSelector("#trend tbody tr")).stream()
                .collect(Collectors.toMap(tr -> tr.getAttribute("data-bucket"),
                        tr -> tr.findElements(By.tagName("td")).get(1).getAttribute("textContent") + "|"
                                + tr.findElements(By.tagName("td")).get(2).getAttribute("textContent")));
        assertEquals(12, shown.size(), shown.toString());
        for (LocalDate day = LocalDate.of(2026, 10, 20); !day.isAfter(LocalDate.of(2026, 10, 31)); day = day.plusDays(1)) {
            long[] c = byDay.getOrDefault(day, new long[11]);
            long dn = java.util.Arrays.stream(c).sum();
            long dd = java.util.Arrays.stream(c, 0, 7).sum();
            String dayNps = dn == 0 ? "–" : String.format(Locale.ROOT, "%.1f", 100.0 * (c[9] + c[10] - dd) / dn)
                    .replace("-0.0", "0.0");
            assertEquals(dn + "|" + dayNps, shown.get(day.toString()), "day " + day);
        }
        // The 25th (25 hours long in Copenhagen) holds exactly the answers of its local wall-clock day.
        assertTrue(byDay.get(LocalDate.of(2026, 10, 25))[10] >= 3);

        Map<String, Long> byChannel = answers.stream().collect(Collectors.groupingBy(Answer::channel, Collectors.counting()));
        for (var entry : byChannel.entrySet()) {
            WebElement row = browser.findElement(By.cssSelector("#channels tr[data-key='" + entry.getKey() + "']"));
            assertEquals(entry.getValue().toString(), row.findElements(By.tagName("td")).get(1).getText());
        }
        long inAarhus = answers.stream().filter(a -> "Aarhus".equals(a.location())).count();
        assertEquals(Long.toString(inAarhus), browser.findElement(By.cssSelector("#locations tr[data-key='Aarhus']"))
                .findElements(By.tagName("td")).get(1).getText());
    }

    @Test
    void weeksStartOnMondayInTheViewersZone() {
        openDashboard("from=2026-10-19&to=2026-11-01&tz=Europe/Copenhagen&bucket=week");
        Map<LocalDate, Long> byWeek = new TreeMap<>();
        answers.forEach(a -> byWeek.merge(a.at().atZone(CPH).toLocalDate()
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)), 1L, Long::sum));
        for (var entry : byWeek.entrySet()) {
            WebElement row = browser.findElement(By.cssSelector("#trend tr[data-bucket='" + entry.getKey() + "']"));
            assertEquals(entry.getValue().toString(),
                    row.findElements(By.tagName("td")).get(1).getAttribute("textContent"));
        }
    }

    @Test
    void commentsAreShownAsTextOnTheDashboardAndTheList() {
        openDashboard("from=2026-10-20&to=2026-10-31&tz=Europe/Copenhagen");
        assertTrue(browser.findElement(By.id("comments")).getText().contains(XSS));
        assertTrue(browser.findElements(By.cssSelector("#comments img")).isEmpty());
        browser.get(server.baseUrl() + "/admin/responses?campaign=" + campaign + "&q=onerror");
        assertEquals("1", browser.findElement(By.id("total")).getText());
        assertTrue(browser.findElement(By.id("responses")).getText().contains(XSS));
        assertTrue(browser.findElements(By.cssSelector("#responses img")).isEmpty());
        Browsers.clickAndLoad(browser, By.cssSelector("#responses tbody tr a"));
        assertEquals(XSS, browser.findElement(By.id("comment")).getText());
        assertTrue(browser.findElements(By.cssSelector("#comment img")).isEmpty());
    }

    @Test
    void smallSamplesAreFlagged() {
        openDashboard("from=2026-10-21&to=2026-10-21&tz=Europe/Copenhagen");
        assertTrue(browser.findElement(By.id("small-sample")).isDisplayed());
    }

    @Test
    void loginPageAndDashboardHaveNoAccessibilityViolations() {
        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + "/admin/login");
        assertNoViolations("login");
        openDashboard("from=2026-10-20&to=2026-10-31&tz=Europe/Copenhagen");
        assertNoViolations("dashboard");
        browser.get(server.baseUrl() + "/admin");
        assertNoViolations("campaigns");
        browser.get(server.baseUrl() + "/admin/responses?campaign=" + campaign);
        assertNoViolations("responses");
        browser.get(server.baseUrl() + "/admin/settings");
        assertNoViolations("settings");
        browser.get(server.baseUrl() + "/admin/campaigns/" + campaign + "/alerts");
        assertNoViolations("alerts");
        browser.get(server.baseUrl() + "/admin/live/" + campaign);
        assertNoViolations("live");
    }

    private void assertNoViolations(String what) {
        List<Rule> violations = new AxeBuilder().analyze(browser).getViolations();
        assertTrue(violations.isEmpty(), what + ": " + violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getNodes().size() + "): " + rule.getHelp() + " "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .collect(Collectors.joining("; ")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
