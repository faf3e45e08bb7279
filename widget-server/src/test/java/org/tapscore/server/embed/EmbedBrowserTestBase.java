package org.tapscore.server.embed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Tapscore server, a host site on another origin and one Chromium, shared by the tests of a class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmbedBrowserTestBase {
    protected TestServer server;
    protected HostSite host;
    protected ChromeDriver browser;

    @BeforeAll
    void startAll() {
        server = TestServer.start(TestDatabases.Kind.H2);
        host = new HostSite();
        browser = Browsers.chromium();
    }

    @AfterAll
    void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        if (host != null) {
            host.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void blankPage() {
        browser.get("about:blank");
    }

    /** A fresh NPS campaign; {@code extraJson} is spliced into the campaign object (start it with a comma). */
    protected String newCampaign(String extraJson) {
        String id = "e-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = server.postJson("/api/v1/campaigns", """
                {"id": "%s", "name": "Embed %s", "type": "NPS", "defaultLocale": "en",
                 "texts": {"en": {"question": "How likely are you to recommend Test Shop?",
                   "followUp": {"detractor": "What went wrong?", "passive": "What would make it a 10?",
                                "promoter": "What did you love?"},
                   "thankYou": "Thanks a lot!"}}%s}""".formatted(id, id, extraJson),
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    /** The loader's script tag for {@code campaign} with extra attributes such as {@code data-delay="1"}. */
    protected String loader(String campaign, String attributes) {
        return "<script async src=\"" + server.baseUrl() + "/widget.js\" data-campaign=\"" + campaign + "\" "
                + attributes + "></script>";
    }

    protected static String html(String head, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shop</title>"
                + "<script src=\"/host.js\"></script>" + head + "</head><body>" + body + "</body></html>";
    }

    /** The pop-up's iframe, once the loader shows it. */
    protected WebElement waitForPopup() {
        By frame = By.cssSelector("iframe[src*='/embed/']");
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            List<WebElement> frames = d.findElements(frame);
            return frames.size() == 1 && frames.get(0).isDisplayed() ? frames.get(0) : null;
        });
    }

    protected int popupFrames() {
        return browser.findElements(By.cssSelector("iframe[src*='/embed/']")).size();
    }

    protected void waitUntil(Supplier<Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> condition.get());
    }

    @SuppressWarnings("unchecked")
    protected List<String> events() {
        return new ArrayList<>((List<String>) browser.executeScript("return window.events || []"));
    }

    protected Object js(String script, Object... args) {
        return browser.executeScript(script, args);
    }

    /** Chooses {@code score} inside the survey frame and waits for the follow-up question. */
    protected void answerInFrame(WebElement frame, int score) {
        browser.switchTo().frame(frame);
        try {
            browser.findElement(By.cssSelector("label[for=ts-score-" + score + "]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.cssSelector("[data-ts-followup]")).isDisplayed());
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    /** Channel and page URL of the campaign's stored responses, read straight from the database. */
    protected List<String> storedChannelsAndPages(String campaign) {
        try (Connection c = server.server().components().db().connection();
             PreparedStatement ps = c.prepareStatement(
                     "select channel, page_url from response where campaign_id = ? order by received_at")) {
            ps.setString(1, campaign);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
