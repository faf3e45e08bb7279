package org.tapscore.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One server and one Chromium per test class; each test makes its own campaign so its counts are exact. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
    protected TestServer server;
    protected ChromeDriver browser;

    protected TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }

    protected boolean javascript() {
        return true;
    }

    @BeforeAll
    void startAll() {
        server = TestServer.start(kind());
        browser = Browsers.chromium(javascript());
    }

    @AfterAll
    void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void blankPage() {
        browser.get("about:blank");
    }

    /** A fresh NPS campaign whose follow-up texts say which category they belong to. */
    protected String newCampaign(String extraTexts) {
        String id = "b-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = server.postJson("/api/v1/campaigns", """
                {"id": "%s", "name": "Browser %s", "type": "NPS", "defaultLocale": "en",
                 "texts": {"en": {"question": "How likely are you to recommend Test Shop?",
                   "followUp": {"detractor": "What went wrong?", "passive": "What would make it a 10?",
                                "promoter": "What did you love?"},
                   "thankYou": "Thanks a lot!"}%s}}""".formatted(id, id, extraTexts),
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    protected WebElement waitVisible(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition::apply);
    }

    protected WebElement scoreLabel(int score) {
        return browser.findElement(By.cssSelector("label[for=ts-score-" + score + "]"));
    }

    protected JsonNode summary(String campaign) {
        return Api.summary(server, campaign);
    }

    protected JsonNode onlyResponse(String campaign) {
        JsonNode page = Api.json(server.getWithKey("/api/v1/responses?campaign=" + campaign));
        assertEquals(1, page.get("items").size(), page.toString());
        return page.get("items").get(0);
    }
}
