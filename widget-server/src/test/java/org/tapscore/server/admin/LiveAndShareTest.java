package org.tapscore.server.admin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live screen in Chromium follows new answers; share links show the dashboard, write nothing, and revoke. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveAndShareTest {
    private TestServer server;
    private ChromeDriver browser;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD));
        browser = Browsers.chromium();
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

    @Test
    void theLiveScreenShowsANewAnswerWithinTwoSeconds() {
        String campaign = Seed.campaign(server, "NPS", "TOUCHPOINT");
        Seed.answer(server, campaign, 10, "KIOSK", null, null, "first", null);
        AdminClient.signIn(browser, server);
        browser.get(server.baseUrl() + "/admin/live/" + campaign);
        assertEquals("100.0", browser.findElement(By.id("live-nps")).getText());
        // Wait until the event stream is connected and has delivered its first snapshot.
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("live")).getAttribute("data-version") != null);

        Seed.answer(server, campaign, 0, "KIOSK", null, null, DashboardBrowserTest.XSS, null);
        new WebDriverWait(browser, Duration.ofSeconds(2))
                .until(d -> d.findElement(By.id("live-n")).getText().equals("2"));
        assertEquals("0.0", browser.findElement(By.id("live-nps")).getText());
        String comments = browser.findElement(By.id("live-comments")).getText();
        assertTrue(comments.contains(DashboardBrowserTest.XSS), comments);
        assertTrue(browser.findElements(By.cssSelector("#live-comments img")).isEmpty());
    }

    @Test
    void aSharedLinkShowsTheDashboardRefusesWritesAndDiesWhenRevoked() {
        String campaign = Seed.campaign(server, "NPS", "TOUCHPOINT");
        Seed.answer(server, campaign, 9, "QR", null, null, null, null);
        AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
        HttpResponse<String> created = admin.post("/admin/settings/share-links",
                Map.of("csrf", admin.csrfOf("/admin/settings"), "campaign", campaign));
        assertEquals(200, created.statusCode());
        Matcher link = Pattern.compile("id=\"new-link\" href=\"[^\"]*(/admin/shared/[A-Za-z0-9_-]{43})\"")
                .matcher(created.body());
        assertTrue(link.find(), created.body());
        String path = link.group(1);

        HttpResponse<String> shared = server.get(path);
        assertEquals(200, shared.statusCode());
        assertTrue(shared.body().contains("id=\"nps\">100.0<"));
        assertFalse(shared.body().contains("method=\"post\""), "no forms that write");
        assertFalse(shared.body().contains("/admin/settings"));
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> write = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .method(method, HttpRequest.BodyPublishers.ofString("campaign=x")));
            assertTrue(write.statusCode() >= 400, method + " " + write.statusCode());
        }
        assertEquals(303, server.get("/admin/settings").statusCode(), "the link is not a session");
        assertEquals(401, server.postJson("/admin/settings/share-links", "{}").statusCode());
        assertEquals(303, server.get("/admin/live/" + campaign).statusCode());

        String settings = admin.get("/admin/settings").body();
        Matcher revoke = Pattern.compile("action=\"(/admin/settings/share-links/[0-9a-f-]{36}/revoke)\"").matcher(settings);
        assertTrue(revoke.find());
        assertEquals(303, admin.post(revoke.group(1), Map.of("csrf", AdminClient.csrf(settings))).statusCode());
        assertEquals(404, server.get(path).statusCode());
        assertEquals(404, server.get("/admin/shared/" + "x".repeat(43)).statusCode());
    }

    @Test
    void viewersCannotCreateOrRevokeLinks() {
        AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
        admin.post("/admin/settings/users", Map.of("csrf", admin.csrfOf("/admin/settings"),
                "email", "looker@shop.example", "password", "looker password", "role", "VIEWER"));
        AdminClient viewer = AdminClient.signedIn(server, "looker@shop.example", "looker password");
        String settings = viewer.get("/admin/settings").body();
        assertFalse(settings.contains("id=\"new-share-link\""));
        assertEquals(403, viewer.post("/admin/settings/share-links",
                Map.of("csrf", AdminClient.csrf(settings), "campaign", "demo")).statusCode());
    }
}
