package org.tapscore.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.tapscore.server.support.TestDatabases;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A comment typed in the browser comes back byte for byte, here from PostgreSQL (H2: the subclass). */
class CommentRoundTripBrowserTest extends BrowserTestBase {
    static final String COMMENT = "Great 👍 service\nSecond line ✅";

    @Override
    protected TestDatabases.Kind kind() {
        return TestDatabases.Kind.POSTGRES;
    }

    @Test
    void commentWithEmojiAndNewlineComesBackIdentical() {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign);
        scoreLabel(10).click();
        waitVisible(By.cssSelector("[data-ts-followup]"));
        // ChromeDriver cannot type characters outside the Basic Multilingual Plane: set the value as a paste would.
        browser.executeScript("document.getElementById('ts-comment').value = arguments[0];", COMMENT);
        new Actions(browser).click(browser.findElement(By.cssSelector("[data-ts-followup] button"))).perform();
        waitVisible(By.id("ts-thanks"));
        JsonNode stored = onlyResponse(campaign);
        assertEquals(COMMENT, stored.get("comment").asText());
        assertEquals(10, stored.get("score").asInt());
    }

    /** The same on the embedded default. */
    static class OnH2 extends CommentRoundTripBrowserTest {
        @Override
        protected TestDatabases.Kind kind() {
            return TestDatabases.Kind.H2;
        }
    }
}
