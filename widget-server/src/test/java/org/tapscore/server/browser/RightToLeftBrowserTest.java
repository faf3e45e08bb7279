package org.tapscore.server.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Arabic renders right to left: the scale is mirrored, 0 on the right, and the right value is still stored. */
class RightToLeftBrowserTest extends BrowserTestBase {
    private static final String ARABIC = ", \"ar\": {\"question\": \"ما مدى احتمال أن توصي بمتجرنا؟\"}";

    @Test
    void arabicMirrorsTheScale() {
        String campaign = newCampaign(ARABIC);
        browser.get(server.baseUrl() + "/s/" + campaign + "?lang=ar");
        assertEquals("rtl", browser.findElement(By.tagName("html")).getAttribute("dir"));
        assertEquals("ar", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("ما مدى احتمال أن توصي بمتجرنا؟", browser.findElement(By.id("ts-question")).getText());
        int zeroX = scoreLabel(0).getRect().getX();
        int tenX = scoreLabel(10).getRect().getX();
        assertTrue(zeroX > tenX, "0 is on the right: 0 at " + zeroX + ", 10 at " + tenX);
        assertEquals("غير محتمل على الإطلاق", browser.findElement(By.id("ts-low")).getText(),
                "built-in Arabic label where the campaign has none");
        assertTrue(browser.findElement(By.id("ts-low")).getRect().getX()
                > browser.findElement(By.id("ts-high")).getRect().getX(), "end labels mirror too");

        scoreLabel(1).click();
        waitVisible(By.cssSelector("[data-ts-followup]"));
        assertEquals(1, onlyResponse(campaign).get("score").asInt());
        assertEquals("ar", onlyResponse(campaign).get("locale").asText());
    }

    @Test
    void leftArrowMovesTowardsHigherScoresInRightToLeft() {
        String campaign = newCampaign(ARABIC);
        browser.get(server.baseUrl() + "/s/" + campaign + "?lang=ar");
        new Actions(browser).sendKeys(Keys.TAB).sendKeys(Keys.ARROW_LEFT).sendKeys(Keys.ARROW_LEFT).perform();
        assertEquals("ts-score-2", browser.switchTo().activeElement().getAttribute("id"));
    }

    @Test
    void languageFallsBackToTheDefaultNeverToBlank() {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign + "?lang=fi");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("How likely are you to recommend Test Shop?", browser.findElement(By.id("ts-question")).getText());
    }

    @Test
    void danishComesFromTheDemoCampaign() {
        browser.get(server.baseUrl() + "/s/demo?lang=da");
        assertEquals("Hvor sandsynligt er det, at du vil anbefale os til en i dit netværk?",
                browser.findElement(By.id("ts-question")).getText());
        assertEquals("Slet ikke sandsynligt", browser.findElement(By.id("ts-low")).getText());
        browser.get(server.baseUrl() + "/s/demo?lang=en");
        assertEquals("How likely is it that you would recommend us to someone in your network?",
                browser.findElement(By.id("ts-question")).getText());
    }
}
