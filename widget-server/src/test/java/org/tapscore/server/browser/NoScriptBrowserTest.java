package org.tapscore.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With JavaScript switched off the same survey works as plain forms: post, redirect, next step. */
class NoScriptBrowserTest extends BrowserTestBase {
    @Override
    protected boolean javascript() {
        return false;
    }

    @Test
    void theFlowWorksAsPlainForms() {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign + "?loc=store-7");
        assertTrue(browser.findElement(By.cssSelector(".ts-next")).isDisplayed(), "the Next button shows without script");
        scoreLabel(2).click();
        browser.findElement(By.cssSelector(".ts-next")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/followup"));
        assertEquals("What went wrong?", browser.findElement(By.cssSelector("[data-ts-followup-text]")).getText());
        assertEquals(1, summary(campaign).get("responses").asLong(), "stored before the comment");
        browser.findElement(By.id("ts-comment")).sendKeys("Line one\nLine two æøå");
        browser.findElement(By.cssSelector("[data-ts-followup] button")).click();
        assertEquals("Thanks a lot!", waitVisible(By.id("ts-thanks")).getText());
        JsonNode stored = onlyResponse(campaign);
        assertEquals(2, stored.get("score").asInt());
        assertEquals("Line one\nLine two æøå", stored.get("comment").asText());
        assertEquals("store-7", stored.get("location").asText());
    }

    @Test
    void keyboardOnlyWithoutScript() {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign);
        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).sendKeys(Keys.SPACE).sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.ARROW_RIGHT)
                .sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();
        waitUntil(d -> d.getCurrentUrl().contains("/followup"));
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("ts-comment", browser.switchTo().activeElement().getAttribute("id"));
        keys.sendKeys("ok").sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();
        waitVisible(By.id("ts-thanks"));
        assertEquals(2, onlyResponse(campaign).get("score").asInt());
    }

    @Test
    void submittingWithoutAScoreExplainsAndStoresNothing() {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign);
        browser.findElement(By.cssSelector(".ts-next")).click();
        assertEquals("Please choose a score from 0 to 10.", waitVisible(By.id("ts-error")).getText());
        assertEquals(0, summary(campaign).get("responses").asLong());
    }

    @Test
    void aDoubleSubmitStoresOneResponse() throws InterruptedException {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign);
        scoreLabel(5).click();
        // Both posts carry the form's hidden idempotency key, so the second one is a repeat.
        new Actions(browser).doubleClick(browser.findElement(By.cssSelector(".ts-next"))).perform();
        waitUntil(d -> d.getCurrentUrl().contains("/followup"));
        Thread.sleep(300);
        assertEquals(1, summary(campaign).get("responses").asLong());
    }
}
