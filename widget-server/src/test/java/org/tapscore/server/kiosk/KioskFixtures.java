package org.tapscore.server.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestServer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Campaigns, devices and kiosk-screen helpers shared by the kiosk tests. */
final class KioskFixtures {
    private KioskFixtures() {
    }

    /** A new NPS campaign with the given {@code kiosk} settings JSON (or null for the defaults). */
    static String campaign(TestServer server, String kioskJson) {
        String id = "k-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = server.postJson("/api/v1/campaigns", """
                {"id": "%s", "name": "Kiosk %s", "type": "NPS", "defaultLocale": "en",
                 "texts": {"en": {"question": "How likely are you to recommend Test Shop?",
                   "followUp": {"detractor": "What went wrong?", "passive": "What would make it a 10?",
                                "promoter": "What did you love?"},
                   "thankYou": "Thanks a lot!"}}%s}""".formatted(id, id,
                        kioskJson == null ? "" : ", \"kiosk\": " + kioskJson),
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    /** Registers a device for {@code campaign}; returns the registration ({@code id}, {@code token}, …). */
    static JsonNode device(TestServer server, String campaign, String name, String location) {
        HttpResponse<String> created = server.postJson("/api/v1/devices", """
                {"name": "%s", "location": "%s", "campaign": "%s"}""".formatted(name, location, campaign),
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created);
    }

    static List<JsonNode> responses(TestServer server, String campaign) {
        JsonNode page = Api.json(server.getWithKey("/api/v1/responses?campaign=" + campaign + "&limit=1000"));
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    static String step(WebDriver browser) {
        return browser.findElement(By.cssSelector("[data-ts-kiosk]")).getDomAttribute("data-step");
    }

    static int queue(WebDriver browser) {
        String value = browser.findElement(By.cssSelector("[data-ts-kiosk]")).getDomAttribute("data-queue");
        return value == null ? -1 : Integer.parseInt(value);
    }

    static void waitFor(WebDriver browser, Duration timeout, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, timeout).until(condition::apply);
    }

    static void waitReady(ChromeDriver browser) {
        waitFor(browser, Duration.ofSeconds(20), b -> "true".equals(
                b.findElement(By.cssSelector("[data-ts-kiosk]")).getDomAttribute("data-ready")));
    }

    static void tapScore(WebDriver browser, int score) {
        browser.findElement(By.cssSelector("label[for=ts-score-" + score + "]")).click();
    }

    static WebElement visible(WebDriver browser, String css) {
        By by = By.cssSelector(css);
        waitFor(browser, Duration.ofSeconds(30), b -> b.findElement(by).isDisplayed());
        return browser.findElement(by);
    }
}
