package org.tapscore.server.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tapscore.server.kiosk.KioskFixtures.queue;
import static org.tapscore.server.kiosk.KioskFixtures.step;
import static org.tapscore.server.kiosk.KioskFixtures.tapScore;
import static org.tapscore.server.kiosk.KioskFixtures.visible;
import static org.tapscore.server.kiosk.KioskFixtures.waitFor;

/** The kiosk view in Chromium against a live server: a day of customers in miniature. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskFlowBrowserTest {
    private TestServer server;
    private ChromeDriver browser;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2);
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

    private void open(String campaign, String token) {
        browser.get(server.baseUrl() + "/kiosk/" + campaign + "?device=" + token);
        KioskFixtures.waitReady(browser);
        assertEquals("score", step(browser));
    }

    @Test
    void twentyCustomersInARowAreEachStoredOnceAndTheScreenResetsByItself() {
        String campaign = KioskFixtures.campaign(server, null);   // default kiosk settings: reset after 5 s
        JsonNode device = KioskFixtures.device(server, campaign, "Exit stand", "Aarhus C");
        open(campaign, device.get("token").asText());

        for (int i = 0; i < 20; i++) {
            int score = i % 11;
            tapScore(browser, score);
            String expected = score <= 6 ? "What went wrong?" : score <= 8 ? "What would make it a 10?" : "What did you love?";
            assertEquals(expected, visible(browser, "[data-ts-followup-text]").getText());
            if (i % 2 == 0) {
                browser.findElement(By.id("ts-comment")).sendKeys("Comment " + i);
                browser.findElement(By.cssSelector("[data-ts-send]")).click();
            } else {
                browser.findElement(By.cssSelector("[data-ts-skip]")).click();
            }
            visible(browser, "#ts-thanks");
            assertTrue(browser.findElement(By.cssSelector("[data-ts-countdown]")).isDisplayed(), "countdown shown");
            String shown = browser.findElement(By.cssSelector("[data-ts-countdown-number]")).getText();
            assertTrue(shown.matches("[1-5]"), "countdown shows the seconds left: " + shown);
            // Nobody touches the screen: it must come back to a blank scale by itself (generous wait, no timing claim).
            waitFor(browser, Duration.ofSeconds(15), b -> "score".equals(step(b)));
            assertTrue(browser.findElements(By.cssSelector("input[name=score]:checked")).isEmpty(), "blank scale");
            assertEquals("", browser.findElement(By.id("ts-comment")).getDomProperty("value"));
        }
        waitFor(browser, Duration.ofSeconds(30), b -> queue(b) == 0);

        List<JsonNode> items = KioskFixtures.responses(server, campaign);
        assertEquals(20, items.size());
        Set<String> ids = new HashSet<>();
        int comments = 0;
        for (JsonNode item : items) {
            ids.add(item.get("id").asText());
            assertEquals("KIOSK", item.get("channel").asText());
            assertEquals(device.get("id").asText(), item.get("device").asText());
            assertEquals("Aarhus C", item.get("location").asText());
            assertFalse(item.get("suspect").asBoolean(), "answers 5 s apart are not repeats");
            if (item.hasNonNull("comment")) {
                assertTrue(item.get("comment").asText().startsWith("Comment "));
                comments++;
            }
        }
        assertEquals(20, ids.size());
        assertEquals(10, comments);
        assertEquals(20, Api.count(server, campaign));
    }

    @Test
    void anIdleCustomerKeepsTheScoreAndLosesTheUnfinishedComment() {
        String campaign = KioskFixtures.campaign(server, "{\"idleSeconds\": 3}");
        JsonNode device = KioskFixtures.device(server, campaign, "Idle stand", "Odense");
        open(campaign, device.get("token").asText());

        tapScore(browser, 9);
        visible(browser, "[data-ts-followup]");
        browser.findElement(By.id("ts-comment")).sendKeys("half a sent");
        waitFor(browser, Duration.ofSeconds(15), b -> "attract".equals(step(b)));
        assertTrue(browser.findElement(By.cssSelector("[data-ts-attract]")).isDisplayed(), "attract screen");
        waitFor(browser, Duration.ofSeconds(20), b -> queue(b) == 0);

        List<JsonNode> items = KioskFixtures.responses(server, campaign);
        assertEquals(1, items.size());
        assertEquals(9, items.getFirst().get("score").asInt());
        assertNull(items.getFirst().get("comment").textValue(), "the unfinished comment is dropped");

        // A tap on the attract screen brings a blank scale, and the next customer is a new response.
        browser.findElement(By.cssSelector("[data-ts-attract]")).click();
        waitFor(browser, Duration.ofSeconds(5), b -> "score".equals(step(b)));
        tapScore(browser, 3);
        visible(browser, "[data-ts-followup]");
        browser.findElement(By.cssSelector("[data-ts-skip]")).click();
        waitFor(browser, Duration.ofSeconds(20), b -> queue(b) == 0 && KioskFixtures.responses(server, campaign).size() == 2);
    }

    @Test
    void rapidRepeatTapsAreStoredAsSuspectAndLeftOutOfTheScore() {
        String campaign = KioskFixtures.campaign(server, "{\"minTapIntervalSeconds\": 60, \"resetSeconds\": 1}");
        JsonNode device = KioskFixtures.device(server, campaign, "Busy stand", "Vejle");
        open(campaign, device.get("token").asText());

        for (int score : new int[] {10, 10, 0}) {
            tapScore(browser, score);
            visible(browser, "[data-ts-followup]");
            browser.findElement(By.cssSelector("[data-ts-skip]")).click();
            visible(browser, "#ts-thanks").click();   // the next customer does not wait for the countdown
            waitFor(browser, Duration.ofSeconds(5), b -> "score".equals(step(b)));
        }
        waitFor(browser, Duration.ofSeconds(20), b -> queue(b) == 0);

        List<JsonNode> items = KioskFixtures.responses(server, campaign);
        assertEquals(3, items.size());
        assertEquals(2, items.stream().filter(i -> i.get("suspect").asBoolean()).count(), items.toString());
        JsonNode summary = Api.summary(server, campaign);
        assertEquals(1, summary.get("responses").asLong());
        assertEquals(2, summary.get("suspect").asLong());
        assertEquals(100.0, summary.get("nps").asDouble());
    }

    @Test
    void everyTargetIsLargeEnoughForAFinger() {
        String campaign = KioskFixtures.campaign(server, null);
        open(campaign, KioskFixtures.device(server, campaign, "Touch stand", "Aalborg").get("token").asText());
        for (int score = 0; score <= 10; score++) {
            var size = browser.findElement(By.cssSelector("label[for=ts-score-" + score + "]")).getSize();
            assertTrue(size.getWidth() >= 64 && size.getHeight() >= 64, "score " + score + ": " + size);
        }
        tapScore(browser, 5);
        for (String button : new String[] {"[data-ts-send]", "[data-ts-skip]"}) {
            var size = visible(browser, button).getSize();
            assertTrue(size.getWidth() >= 64 && size.getHeight() >= 64, button + ": " + size);
        }
        assertTrue(browser.findElements(By.cssSelector("a[href]")).isEmpty(), "no links out of the kiosk");
        assertEquals("none", browser.executeScript(
                "return getComputedStyle(document.documentElement).userSelect"));
    }

    @Test
    void fiveTapsInTheCornerAndTheStaffPinShowTheDeviceStatus() {
        String campaign = KioskFixtures.campaign(server, "{\"staffPin\": \"4711\"}");
        open(campaign, KioskFixtures.device(server, campaign, "Staff stand", "Herning").get("token").asText());
        assertFalse(browser.getPageSource().contains("=\"4711\""), "the PIN is not in the page");
        var corner = browser.findElement(By.cssSelector("[data-ts-staff-corner]"));
        for (int i = 0; i < 5; i++) {
            corner.click();
        }
        visible(browser, "[data-ts-pin-form]");
        browser.findElement(By.id("ts-pin")).sendKeys("1234\n");
        visible(browser, "[data-ts-pin-error]");
        assertFalse(browser.findElement(By.cssSelector("[data-ts-status]")).isDisplayed());
        browser.findElement(By.id("ts-pin")).clear();
        browser.findElement(By.id("ts-pin")).sendKeys("4711\n");
        visible(browser, "[data-ts-status]");
        assertEquals("0", browser.findElement(By.cssSelector("[data-ts-status-queue]")).getText());
        assertEquals("kiosk.js 1", browser.findElement(By.cssSelector("[data-ts-status-version]")).getText());
        assertEquals("direct", browser.findElement(By.cssSelector("[data-ts-status-mode]")).getText());
        browser.findElement(By.cssSelector("[data-ts-staff-close]")).click();
        waitFor(browser, Duration.ofSeconds(5), b -> !b.findElement(By.cssSelector("[data-ts-staff]")).isDisplayed());
    }

    @Test
    void theHeartbeatOfAnOpenViewShowsInTheDeviceList() {
        String campaign = KioskFixtures.campaign(server, null);
        JsonNode device = KioskFixtures.device(server, campaign, "Beating stand", "Kolding");
        open(campaign, device.get("token").asText());
        waitFor(browser, Duration.ofSeconds(15), b -> {
            JsonNode listed = Api.json(server.getWithKey("/api/v1/devices?campaign=" + campaign)).get("items").get(0);
            return listed.get("online").asBoolean() && listed.hasNonNull("lastSeen");
        });
        JsonNode listed = Api.json(server.getWithKey("/api/v1/devices?campaign=" + campaign)).get("items").get(0);
        assertEquals("kiosk.js 1", listed.get("version").asText());
        assertEquals(0, listed.get("queueDepth").asInt());
        assertFalse(listed.has("token"), "the token is shown once, at registration");
    }
}
