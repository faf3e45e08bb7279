package org.tapscore.server.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tapscore.server.db.DatabaseSettings;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tapscore.server.kiosk.KioskFixtures.queue;
import static org.tapscore.server.kiosk.KioskFixtures.step;
import static org.tapscore.server.kiosk.KioskFixtures.tapScore;
import static org.tapscore.server.kiosk.KioskFixtures.visible;
import static org.tapscore.server.kiosk.KioskFixtures.waitFor;

/**
 * The shop's network is down for a while: the kiosk keeps taking answers, survives a reload and a browser
 * restart, and delivers every answer exactly once, with the time it was given, when the server is back.
 */
class KioskOfflineBrowserTest {
    private TestServer server;
    private ChromeDriver browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void fiftyAnswersGivenOfflineArriveOnceAfterReloadBrowserRestartAndServerRestart() throws Exception {
        Path dir = Files.createTempDirectory("kiosk-offline");
        // A file database and a fixed port: the restarted server is the same origin over the same data.
        DatabaseSettings db = new DatabaseSettings("jdbc:h2:file:" + dir.resolve("db")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", 5, null, 5_000);
        int port = freePort();
        server = TestServer.startOn(db, port);
        String campaign = KioskFixtures.campaign(server, "{\"resetSeconds\": 1, \"minTapIntervalSeconds\": 0}");
        JsonNode device = KioskFixtures.device(server, campaign, "Offline stand", "Esbjerg");
        String url = server.baseUrl() + "/kiosk/" + campaign + "?device=" + device.get("token").asText();

        Path profile = dir.resolve("chromium-profile");
        browser = Browsers.chromium(profile);
        browser.get(url);
        KioskFixtures.waitReady(browser);
        waitFor(browser, Duration.ofSeconds(20), b -> Boolean.TRUE.equals(browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                navigator.serviceWorker.ready
                  .then(function () { return caches.match(location.href); })
                  .then(function (r) { done(!!r && !!navigator.serviceWorker.controller); }, function () { done(false); });""")));

        server.stop();
        server = null;
        Instant outageStart = Instant.now();
        for (int i = 0; i < 50; i++) {
            tapScore(browser, i % 11);
            visible(browser, "[data-ts-followup]");
            if (i % 10 == 0) {
                browser.findElement(By.id("ts-comment")).sendKeys("Offline comment " + i);
                browser.findElement(By.cssSelector("[data-ts-send]")).click();
            } else {
                browser.findElement(By.cssSelector("[data-ts-skip]")).click();
            }
            visible(browser, "#ts-thanks").click();
            waitFor(browser, Duration.ofSeconds(5), b -> "score".equals(step(b)));
        }
        waitFor(browser, Duration.ofSeconds(10), b -> queue(b) == 50);
        assertEquals("50", browser.findElement(By.cssSelector("[data-ts-queue-count]")).getText());
        List<String> answeredAt = queuedAnsweredAt();
        assertEquals(50, new HashSet<>(answeredAt).size());

        browser.navigate().refresh();
        KioskFixtures.waitReady(browser);
        waitFor(browser, Duration.ofSeconds(10), b -> queue(b) == 50);

        browser.quit();
        browser = Browsers.chromium(profile);
        browser.get(url);
        KioskFixtures.waitReady(browser);
        waitFor(browser, Duration.ofSeconds(10), b -> queue(b) == 50);
        Instant outageEnd = Instant.now();

        server = TestServer.startOn(db, port);
        waitFor(browser, Duration.ofSeconds(120), b -> queue(b) == 0);

        List<JsonNode> items = KioskFixtures.responses(server, campaign);
        assertEquals(50, items.size());
        assertEquals(50, items.stream().map(i -> i.get("id").asText()).distinct().count());
        List<String> stored = new ArrayList<>();
        for (JsonNode item : items) {
            Instant at = Instant.parse(item.get("answeredAt").asText());
            Instant received = Instant.parse(item.get("receivedAt").asText());
            assertTrue(at.isAfter(outageStart.minusSeconds(1)) && at.isBefore(outageEnd), "answeredAt " + at);
            assertTrue(received.isAfter(outageEnd), "received after the outage");
            stored.add(at.toString());
        }
        assertEquals(answeredAt.stream().map(s -> Instant.parse(s).toString()).sorted().toList(),
                stored.stream().sorted().toList(), "every answer keeps the time it was given");
        assertEquals(5, items.stream().filter(i -> i.hasNonNull("comment")).count());
        assertEquals(50, Api.count(server, campaign));
    }

    @SuppressWarnings("unchecked")
    private List<String> queuedAnsweredAt() {
        Object result = browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var req = indexedDB.open('tapscore-kiosk', 1);
                req.onsuccess = function () {
                  var all = req.result.transaction('answers').objectStore('answers').getAll();
                  all.onsuccess = function () { done(all.result.map(function (r) { return r.answeredAt; })); };
                };""");
        return (List<String>) result;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
