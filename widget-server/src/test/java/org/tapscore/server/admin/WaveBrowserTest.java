package org.tapscore.server.admin;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.tapscore.server.mail.SmtpSettings;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wave pages in Chromium with JavaScript switched off: fill in the form, preview (count and message), send a
 * test to yourself, schedule, and land on the wave's page. A viewer may preview but not schedule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaveBrowserTest {
    private static final String XSS = "<img src=x onerror=alert(1)>";

    private GreenMail mail;
    private TestServer server;
    private ChromeDriver browser;
    private String campaign;

    @BeforeAll
    void start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD),
                new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), "", "", "survey@tapscore.test", false));
        campaign = Seed.campaign(server, "NPS", "RELATIONSHIP");
        HttpResponse<String> imported = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/imports"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        externalId,email,company
                        b-1,b1@browser.test,Browser
                        b-2,b2@browser.test,Browser
                        b-3,,Browser
                        o-1,o1@other.test,Other
                        """)));
        assertEquals(200, imported.statusCode(), imported.body());
        browser = Browsers.chromium(false);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void previewTestAndScheduleWithoutJavaScript() throws Exception {
        AdminClient.signIn(browser, server);
        Browsers.clickAndLoad(browser, By.linkText("Waves"));
        assertTrue(browser.getCurrentUrl().endsWith("/admin/waves"), browser.getCurrentUrl());

        new Select(browser.findElement(By.id("w-campaign"))).selectByValue(campaign);
        browser.findElement(By.id("w-name")).sendKeys(XSS);
        browser.findElement(By.id("w-company")).sendKeys("Browser");
        browser.findElement(By.id("w-rate")).clear();
        browser.findElement(By.id("w-rate")).sendKeys("120");
        Browsers.clickAndLoad(browser, By.id("w-preview"));

        assertEquals("3", browser.findElement(By.id("plan-selected")).getText());
        assertEquals("2", browser.findElement(By.id("plan-invited")).getText());
        assertEquals("1", browser.findElement(By.id("plan-skipped")).getText());
        assertTrue(browser.findElement(By.id("wave-plan")).getText().contains("no-email: 1"));
        assertTrue(browser.findElement(By.id("plan-last")).getText().matches(
                "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(Europe/Copenhagen\\)"), "a time as the rest of the page shows it");
        assertEquals("How likely are you to recommend Test Shop?",
                browser.findElement(By.cssSelector(".preview[data-locale=en] .subject")).getText());
        assertEquals("Browser", browser.findElement(By.id("w-company")).getAttribute("value"), "the form keeps its values");
        assertEquals(XSS, browser.findElement(By.id("w-name")).getAttribute("value"));

        Browsers.clickAndLoad(browser, By.id("w-test"));
        assertTrue(browser.findElement(By.id("wave-notice")).getText().contains(AdminClient.ADMIN_EMAIL));
        assertTrue(mail.waitForIncomingEmail(10_000, 1));
        assertEquals(AdminClient.ADMIN_EMAIL, mail.getReceivedMessages()[0].getAllRecipients()[0].toString()
                .replace("<", "").replace(">", ""));

        Browsers.clickAndLoad(browser, By.id("w-schedule"));
        assertTrue(browser.getCurrentUrl().matches(".*/admin/waves/[0-9a-f-]{36}"), browser.getCurrentUrl());
        assertEquals("Wave: " + XSS, browser.findElement(By.tagName("h1")).getText(), "free text shown as text");
        long queued = Long.parseLong(browser.findElement(By.id("k-queued")).getText());
        long sent = Long.parseLong(browser.findElement(By.id("k-sent")).getText());
        assertEquals(2, queued + sent);
        assertEquals("1", browser.findElement(By.id("k-skipped")).getText());
        assertTrue(browser.findElement(By.id("wave-skips")).getText().contains("b-3 no-email"));
        assertFalse(browser.findElements(By.cssSelector(".chart svg")).isEmpty(), "the response-rate chart");

        Browsers.clickAndLoad(browser, By.linkText("All waves"));
        assertTrue(browser.findElement(By.id("waves")).getText().contains(XSS));
    }

    @Test
    void theWavePagesPassAxeCore() {
        ChromeDriver withScripts = Browsers.chromium(true); // axe-core runs as a script in the page
        try {
            AdminClient.signIn(withScripts, server);
            withScripts.get(server.baseUrl() + "/admin/waves");
            assertNoViolations(withScripts, "wave list and form");
            new Select(withScripts.findElement(By.id("w-campaign"))).selectByValue(campaign);
            withScripts.findElement(By.id("w-company")).sendKeys("Other");
            Browsers.clickAndLoad(withScripts, By.id("w-preview"));
            assertEquals("1", withScripts.findElement(By.id("plan-selected")).getText());
            assertNoViolations(withScripts, "preview");
            Browsers.clickAndLoad(withScripts, By.id("w-schedule"));
            assertTrue(withScripts.getCurrentUrl().matches(".*/admin/waves/[0-9a-f-]{36}"), withScripts.getCurrentUrl());
            assertNoViolations(withScripts, "wave page");
        } finally {
            withScripts.quit();
        }
    }

    private static void assertNoViolations(ChromeDriver driver, String what) {
        java.util.List<com.deque.html.axecore.results.Rule> violations =
                new com.deque.html.axecore.selenium.AxeBuilder().analyze(driver).getViolations();
        assertTrue(violations.isEmpty(), what + ": " + violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getNodes().size() + "): " + rule.getHelp() + " "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .collect(java.util.stream.Collectors.joining("; ")));
    }

    @Test
    void aDoubleClickedScheduleMakesOneWaveAndHalfFilledFiltersAreRefused() {
        AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
        String page = admin.get("/admin/waves").body();
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(key.find(), "the form carries its own key");
        Map<String, String> form = new java.util.HashMap<>(Map.of("csrf", AdminClient.csrf(page), "campaign", campaign,
                "channel", "EMAIL", "ratePerHour", "10", "company", "Nobody by this name", "action", "schedule",
                "key", key.group(1)));
        HttpResponse<String> first = admin.post("/admin/waves", form);
        HttpResponse<String> second = admin.post("/admin/waves", form);
        assertEquals(303, first.statusCode(), first.body());
        assertEquals(first.headers().firstValue("Location"), second.headers().firstValue("Location"),
                "the second click lands on the first click's wave");

        form.remove("key");
        assertEquals(400, admin.post("/admin/waves", form).statusCode(), "a post without the form's key");

        form.put("key", "another-key");
        form.remove("company");
        form.put("attributeValue", "gold");
        HttpResponse<String> halfFilter = admin.post("/admin/waves", form);
        assertEquals(400, halfFilter.statusCode());
        assertTrue(halfFilter.body().contains("attributeKey: name the attribute"), halfFilter.body());
        form.remove("attributeValue");
        form.put("attributeKey", "plan");
        HttpResponse<String> keyOnly = admin.post("/admin/waves", form);
        assertEquals(400, keyOnly.statusCode());
        assertTrue(keyOnly.body().contains("attributeValue: give the value to match"), keyOnly.body());
        assertEquals(first.headers().firstValue("Location"), admin.post("/admin/waves", Map.of("csrf",
                AdminClient.csrf(page), "campaign", campaign, "channel", "EMAIL", "ratePerHour", "10", "company",
                "Nobody by this name", "action", "schedule", "key", key.group(1))).headers().firstValue("Location"));
    }

    @Test
    void anAdminStopsAScheduledWaveFromItsPage() {
        assertEquals(200, server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/imports"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("externalId,email,company\ns-1,s1@stop.test,Stopper\n")))
                .statusCode());
        AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
        String page = admin.get("/admin/waves").body();
        String tomorrow = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Copenhagen")).plusDays(1)
                .withHour(10).withMinute(0).withSecond(0).withNano(0).toString();
        HttpResponse<String> scheduled = admin.post("/admin/waves", Map.of("csrf", AdminClient.csrf(page),
                "campaign", campaign, "channel", "EMAIL", "ratePerHour", "10", "company", "Stopper",
                "startAt", tomorrow, "action", "schedule", "key", "stop-test"));
        assertEquals(303, scheduled.statusCode(), scheduled.body());
        String wavePath = scheduled.headers().firstValue("Location").orElseThrow();
        String wavePage = admin.get(wavePath).body();
        assertTrue(wavePage.contains("<span id=\"wave-status\">scheduled</span>"), wavePage);
        assertTrue(wavePage.contains("id=\"w-cancel\""), "admins get the stop button");

        assertEquals(303, admin.post("/admin/settings/users", Map.of("csrf", admin.csrfOf("/admin/settings"),
                "email", "stop-viewer@shop.example", "password", "viewer password", "role", "VIEWER")).statusCode());
        AdminClient viewer = AdminClient.signedIn(server, "stop-viewer@shop.example", "viewer password");
        String viewerPage = viewer.get(wavePath).body();
        assertFalse(viewerPage.contains("id=\"w-cancel\""), "viewers get none");
        assertEquals(403, viewer.post(wavePath + "/cancel", Map.of("csrf", AdminClient.csrf(viewer.get("/admin/waves")
                .body()))).statusCode());
        assertEquals(403, admin.post(wavePath + "/cancel", Map.of("csrf", "forged")).statusCode());

        HttpResponse<String> stopped = admin.post(wavePath + "/cancel", Map.of("csrf", AdminClient.csrf(wavePage)));
        assertEquals(303, stopped.statusCode(), stopped.body());
        String after = admin.get(wavePath).body();
        assertTrue(after.contains("<span id=\"wave-status\">cancelled</span>"), after);
        assertTrue(after.contains("<div class=\"value\" id=\"k-cancelled\">1</div>"), after);
        assertFalse(after.contains("id=\"w-cancel\""), "nothing left to stop");
    }

    @Test
    void aViewerMayPreviewButNotScheduleAndFormsNeedTheirToken() {
        AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
        assertEquals(303, admin.post("/admin/settings/users", Map.of("csrf", admin.csrfOf("/admin/settings"),
                "email", "wave-viewer@shop.example", "password", "viewer password", "role", "VIEWER")).statusCode());
        AdminClient viewer = AdminClient.signedIn(server, "wave-viewer@shop.example", "viewer password");
        String page = viewer.get("/admin/waves").body();
        assertFalse(page.contains("id=\"w-schedule\""), "viewers get no schedule button");
        Map<String, String> form = Map.of("csrf", AdminClient.csrf(page), "campaign", campaign, "channel", "EMAIL",
                "ratePerHour", "10", "company", "Other", "action", "preview");
        HttpResponse<String> preview = viewer.post("/admin/waves", form);
        assertEquals(200, preview.statusCode());
        Map<String, String> badRate = new java.util.HashMap<>(form);
        badRate.put("ratePerHour", "abc");
        HttpResponse<String> refused = viewer.post("/admin/waves", badRate);
        assertEquals(400, refused.statusCode(), "a preview checks the form as scheduling would");
        assertTrue(refused.body().contains("ratePerHour: must be a whole number"), refused.body());
        assertTrue(preview.body().contains("<span id=\"plan-selected\">1</span>"), preview.body());
        assertEquals(403, viewer.post("/admin/waves", Map.of("csrf", AdminClient.csrf(page), "campaign", campaign,
                "channel", "EMAIL", "ratePerHour", "10", "action", "schedule")).statusCode());
        assertEquals(403, admin.post("/admin/waves", Map.of("csrf", "forged", "campaign", campaign,
                "channel", "EMAIL", "ratePerHour", "10", "action", "schedule")).statusCode());
    }
}
