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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In Chromium: an admin sets a target on the campaign page, sees its progress there and on the campaign list,
 * then compares two series; every page passes axe-core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetBrowserTest {
    private TestServer server;
    private ChromeDriver browser;
    private String campaign;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD));
        browser = Browsers.chromium();
        campaign = Seed.campaign(server, "NPS", "TOUCHPOINT");
        Instant tenDaysAgo = Instant.now().minus(10, ChronoUnit.DAYS);
        // Baseline (before today): 10 promoters and 10 detractors, NPS 0.
        for (int i = 0; i < 20; i++) {
            Seed.answer(server, campaign, i < 10 ? 10 : 0, "KIOSK", "Aarhus", tenDaysAgo, null, null);
        }
        // Since the target is set (today): 30 promoters and 5 passives, NPS 85.7.
        for (int i = 0; i < 35; i++) {
            Seed.answer(server, campaign, i < 30 ? 10 : 7, "QR", "Odense", null, null, null);
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

    @Test
    void setTargetSeeProgressAndCompare() {
        AdminClient.signIn(browser, server);

        browser.get(server.baseUrl() + "/admin/campaigns/" + campaign);
        assertEquals("No target set.", browser.findElement(By.id("no-target")).getText());
        browser.findElement(By.id("target-nps-input")).sendKeys("30");
        String date = LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusDays(90).toString();
        // Typing into a date field depends on the browser's locale; the form still submits natively.
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("target-date-input")), date);
        Browsers.clickAndLoad(browser, By.cssSelector("#target form button"));

        assertEquals("30", text("target-nps"));
        assertEquals(date, text("target-date"));
        assertEquals("90", text("target-days"));
        assertEquals("85.7", text("target-current"));
        // (85.7 − 0) / (30 − 0) = 286 % of the way: past the target already.
        assertEquals("286 %", text("target-progress-text"));
        assertEquals("100", browser.findElement(By.id("target-progress")).getAttribute("value"));
        assertEquals("On track", text("target-status"));
        assertTrue(browser.getPageSource().contains("Target 30</text>"), "target line on the trend chart");
        assertNoViolations("campaign page with a target");

        Browsers.clickAndLoad(browser, By.linkText("Campaigns"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-campaign='" + campaign + "']"));
        assertEquals("286 %", row.findElement(By.className("progress-text")).getText());
        assertEquals("On track", row.findElement(By.cssSelector(".status")).getText());
        assertTrue(row.findElement(By.className("target")).getText().startsWith("30 by " + date));
        assertNoViolations("campaign list");

        Browsers.clickAndLoad(browser, By.linkText("Compare"));
        new Select(browser.findElement(By.id("campaign1"))).selectByValue(campaign);
        new Select(browser.findElement(By.id("period1"))).selectByValue("last7");
        new Select(browser.findElement(By.id("campaign2"))).selectByValue(campaign);
        new Select(browser.findElement(By.id("period2"))).selectByValue("last30");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        // A GET form: the comparison is in the address, so it can be bookmarked.
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().contains("campaign1=" + campaign));
        List<WebElement> rows = browser.findElements(By.cssSelector("#series tbody tr"));
        assertEquals(2, rows.size());
        assertEquals("35", rows.get(0).findElement(By.className("n")).getText());
        assertEquals("85.7", rows.get(0).findElement(By.className("nps")).getText());
        assertEquals("55", rows.get(1).findElement(By.className("n")).getText());
        assertEquals("Different (95 %)", browser.findElement(By.cssSelector("#differences .verdict")).getText());
        assertNoViolations("comparison");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void assertNoViolations(String what) {
        List<Rule> violations = new AxeBuilder().analyze(browser).getViolations();
        assertTrue(violations.isEmpty(), what + ": " + violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getNodes().size() + "): " + rule.getHelp() + " "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .collect(Collectors.joining("; ")));
    }
}
