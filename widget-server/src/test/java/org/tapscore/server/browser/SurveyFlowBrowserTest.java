package org.tapscore.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The survey in a real Chromium with JavaScript: the score is stored when chosen, then the follow-up. */
class SurveyFlowBrowserTest extends BrowserTestBase {

    private void answer(String campaign, int score) {
        browser.get(server.baseUrl() + "/s/" + campaign);
        scoreLabel(score).click();
        waitVisible(By.cssSelector("[data-ts-followup]"));
    }

    @Test
    void choosingZeroStoresZeroAsADetractor() {
        String campaign = newCampaign("");
        answer(campaign, 0);
        JsonNode summary = summary(campaign);
        assertEquals(1, summary.get("responses").asLong());
        assertEquals(1, summary.get("detractors").asLong());
        assertEquals(1, summary.get("distribution").get(0).asLong());
        JsonNode stored = onlyResponse(campaign);
        assertEquals(0, stored.get("score").asInt());
        assertEquals("LINK", stored.get("channel").asText());
    }

    @Test
    void oneAnswerForEachScoreGivesNpsMinus45Point5() {
        String campaign = newCampaign("");
        for (int score = 0; score <= 10; score++) {
            answer(campaign, score);
        }
        JsonNode summary = summary(campaign);
        assertEquals(11, summary.get("responses").asLong());
        assertEquals(2, summary.get("promoters").asLong());
        assertEquals(2, summary.get("passives").asLong());
        assertEquals(7, summary.get("detractors").asLong());
        assertEquals(-45.5, summary.get("nps").asDouble());
    }

    @Test
    void eachCategoryGetsItsOwnFollowUpQuestion() {
        String campaign = newCampaign("");
        answer(campaign, 3);
        assertEquals("What went wrong?", browser.findElement(By.cssSelector("[data-ts-followup-text]")).getText());
        answer(campaign, 8);
        assertEquals("What would make it a 10?", browser.findElement(By.cssSelector("[data-ts-followup-text]")).getText());
        answer(campaign, 9);
        assertEquals("What did you love?", browser.findElement(By.cssSelector("[data-ts-followup-text]")).getText());
    }

    @Test
    void aDoubleClickStoresOneResponse() throws InterruptedException {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign);
        new Actions(browser).doubleClick(scoreLabel(6)).perform();
        waitVisible(By.cssSelector("[data-ts-followup]"));
        Thread.sleep(300);
        assertEquals(1, summary(campaign).get("responses").asLong());
    }

    @Test
    void commentIsAttachedToTheSameResponseAndThanksFollow() {
        String campaign = newCampaign("");
        answer(campaign, 9);
        browser.findElement(By.id("ts-comment")).sendKeys("Fast delivery");
        browser.findElement(By.cssSelector("[data-ts-followup] button")).click();
        assertEquals("Thanks a lot!", waitVisible(By.id("ts-thanks")).getText());
        JsonNode stored = onlyResponse(campaign);
        assertEquals(9, stored.get("score").asInt());
        assertEquals("Fast delivery", stored.get("comment").asText());
    }

    @Test
    void theWholeFlowWorksByKeyboardOnly() {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign);
        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("ts-score-0", browser.switchTo().activeElement().getAttribute("id"));
        for (int i = 0; i < 7; i++) {
            keys.sendKeys(Keys.ARROW_RIGHT).perform();
        }
        assertEquals("ts-score-7", browser.switchTo().activeElement().getAttribute("id"));
        assertEquals(0, summary(campaign).get("responses").asLong(), "moving with arrows records nothing");
        keys.sendKeys(Keys.ENTER).perform();
        waitVisible(By.cssSelector("[data-ts-followup]"));
        assertEquals("ts-comment", browser.switchTo().activeElement().getAttribute("id"));
        keys.sendKeys("Good, but slow").sendKeys(Keys.TAB).sendKeys(Keys.ENTER).perform();
        waitVisible(By.id("ts-thanks"));
        JsonNode stored = onlyResponse(campaign);
        assertEquals(7, stored.get("score").asInt());
        assertEquals("Good, but slow", stored.get("comment").asText());
    }

    @Test
    void spaceChoosesTheFocusedScore() {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign);
        new Actions(browser).sendKeys(Keys.TAB).sendKeys(Keys.END).sendKeys(Keys.SPACE).perform();
        waitVisible(By.cssSelector("[data-ts-followup]"));
        assertEquals(10, onlyResponse(campaign).get("score").asInt());
    }

    @Test
    void theScaleIsALabelledRadioGroupNamedByTheQuestion() {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign);
        assertEquals(11, browser.findElements(By.cssSelector("fieldset input[type=radio][name=score]")).size());
        assertEquals("How likely are you to recommend Test Shop?",
                browser.findElement(By.cssSelector("fieldset legend")).getText());
        assertEquals("ts-low", browser.findElement(By.id("ts-score-0")).getAttribute("aria-describedby"));
        assertEquals("Not at all likely", browser.findElement(By.id("ts-low")).getText());
        assertEquals("Extremely likely", browser.findElement(By.id("ts-high")).getText());
        String fontSize = browser.findElement(By.id("ts-comment")).getCssValue("font-size");
        assertTrue(Double.parseDouble(fontSize.replace("px", "")) >= 16, fontSize);
        assertFalse(browser.findElement(By.cssSelector("meta[name=viewport]")).getAttribute("content").isBlank());
    }

    @Test
    void anEmailLinkPreselectsButDoesNotRecord() {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign + "?score=8&ch=email");
        assertTrue(browser.findElement(By.id("ts-score-8")).isSelected());
        assertEquals(0, summary(campaign).get("responses").asLong());
    }
}
