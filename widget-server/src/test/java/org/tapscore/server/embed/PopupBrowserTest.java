package org.tapscore.server.embed;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pop-up on a shop page of another origin: when it shows, what it records, when it stays away. */
class PopupBrowserTest extends EmbedBrowserTestBase {

    private String shop(String campaign, String path, String attributes) {
        return host.page(path, html(loader(campaign, attributes),
                "<h1>Shop</h1><button id=buy>Buy</button>"));
    }

    @Test
    void appearsAfterItsDelayAndRecordsThePopupChannelAndThePageUrl() {
        String campaign = newCampaign("");
        String url = shop(campaign, "/delay", "data-delay=\"2\"");
        // The query string and fragment often carry personal data: only origin and path are stored.
        browser.get(url + "?email=someone%40example.com#basket");
        assertEquals(0, popupFrames(), "the pop-up must wait for its delay");
        WebElement frame = waitForPopup();
        // Focus moved into the survey: the frame holds it, and inside it a score is focused.
        waitUntil(() -> "IFRAME".equals(js("return document.activeElement.tagName")));
        browser.switchTo().frame(frame);
        waitUntil(() -> "radio".equals(js("return document.activeElement.type")));
        browser.switchTo().defaultContent();

        answerInFrame(frame, 9);
        waitUntil(() -> events().stream().anyMatch(e -> e.startsWith("answered")));
        assertTrue(events().contains("answered {\"campaign\":\"" + campaign + "\",\"score\":9,\"category\":\"promoter\"}"),
                events().toString());
        assertEquals(List.of("POPUP " + host.origin() + "/delay"), storedChannelsAndPages(campaign));

        browser.switchTo().frame(frame);
        browser.findElement(By.id("ts-comment")).sendKeys("Fast delivery");
        browser.findElement(By.cssSelector("[data-ts-followup] button")).click();
        waitUntil(() -> browser.findElement(By.cssSelector("[data-ts-thanks]")).isDisplayed());
        browser.switchTo().defaultContent();
        waitUntil(() -> events().stream().anyMatch(e -> e.startsWith("completed")));

        // Answered: a reload within the recontact days does not ask again.
        browser.navigate().refresh();
        pause(3500);
        assertEquals(0, popupFrames());
    }

    @Test
    void theCloseButtonClosesItReturnsFocusAndADismissalIsRemembered() {
        String campaign = newCampaign("");
        String url = host.page("/close", html("<script src=\"/focus-buy.js\"></script>"
                + loader(campaign, "data-delay=\"1\""), "<h1>Shop</h1><button id=buy>Buy</button>"));
        host.script("/focus-buy.js", "addEventListener('DOMContentLoaded', function () { document.getElementById('buy').focus(); });");
        browser.get(url);
        WebElement frame = waitForPopup();
        browser.switchTo().frame(frame);
        WebElement close = browser.findElement(By.cssSelector("[data-ts-close]"));
        assertTrue(close.isDisplayed());
        assertEquals("Close", close.getAttribute("aria-label"));
        close.click();
        browser.switchTo().defaultContent();
        waitUntil(() -> popupFrames() == 0);
        assertEquals("buy", browser.switchTo().activeElement().getAttribute("id"));
        assertTrue(events().stream().anyMatch(e -> e.startsWith("close")), events().toString());

        browser.navigate().refresh();
        pause(2500);
        assertEquals(0, popupFrames());
        assertEquals(List.of(), storedChannelsAndPages(campaign));

        // Once the recontact days (30 by default) have passed, the pop-up asks again.
        js("localStorage.setItem(arguments[0], Date.now() - 31 * 864e5)", "tapscore:" + campaign);
        browser.navigate().refresh();
        waitForPopup();
    }

    @Test
    void anotherIdentifiedPersonOnTheSameBrowserIsAskedOnTheirOwnSchedule() {
        String campaign = newCampaign("");
        host.script("/as-ann.js", "tapscore('identify', {id: 'ann'});");
        host.script("/as-bob.js", "tapscore('identify', {id: 'bob'});");
        String ann = host.page("/ann", html("<script src=\"/as-ann.js\"></script>" + loader(campaign, "data-delay=\"0\""), ""));
        String bob = host.page("/bob", html("<script src=\"/as-bob.js\"></script>" + loader(campaign, "data-delay=\"0\""), ""));
        browser.get(ann);
        waitForPopup();
        js("tapscore('close')");
        browser.get(ann);
        pause(1500);
        assertEquals(0, popupFrames(), "Ann dismissed it");
        browser.get(bob);
        waitForPopup();
    }

    @Test
    void escapeClosesIt() {
        String campaign = newCampaign("");
        browser.get(shop(campaign, "/escape", "data-delay=\"0\""));
        waitForPopup();
        // Focus is inside the survey frame: the key goes there, and the frame asks the page to close.
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitUntil(() -> popupFrames() == 0);
    }

    @Test
    void includingTheScriptTwiceShowsOnePopup() {
        String campaign = newCampaign("");
        browser.get(host.page("/twice", html(loader(campaign, "data-delay=\"0\"") + loader(campaign, "data-delay=\"0\""),
                "<h1>Shop</h1>")));
        waitForPopup();
        pause(1500);
        assertEquals(1, popupFrames());
        assertEquals(1L, js("return events.filter(function (e) { return e.indexOf('ready') === 0; }).length"));
    }

    @Test
    void aManualTriggerWaitsForShowEvenWhenCalledBeforeTheScriptArrives() {
        String campaign = newCampaign("");
        host.script("/show-now.js", "tapscore('show');");
        browser.get(host.page("/manual", html(loader(campaign, "data-trigger=\"manual\""), "<h1>Shop</h1>")));
        pause(1500);
        assertEquals(0, popupFrames(), "manual: nothing without tapscore('show')");
        js("tapscore('show')");
        waitForPopup();

        // The stub queues a call made before the loader has arrived; the loader then runs it.
        String other = newCampaign("");
        browser.get(host.page("/queued", html("<script src=\"/show-now.js\"></script>"
                + loader(other, "data-trigger=\"manual\""), "<h1>Shop</h1>")));
        waitForPopup();
    }

    @Test
    void unusableStorageMeansNoPopup() {
        String campaign = newCampaign("");
        host.script("/no-storage.js", "Object.defineProperty(window, 'localStorage', "
                + "{ get: function () { throw new Error('storage is blocked'); } });");
        browser.get(host.page("/no-storage", html("<script src=\"/no-storage.js\"></script>"
                + loader(campaign, "data-delay=\"0\""), "<h1>Shop</h1>")));
        pause(2000);
        assertEquals(0, popupFrames());
    }

    @Test
    void aSampleOfZeroPercentNeverShows() {
        String campaign = newCampaign("");
        browser.get(shop(campaign, "/sample", "data-delay=\"0\" data-sample=\"0\""));
        pause(2000);
        assertEquals(0, popupFrames());
    }

    @Test
    void leavingThroughTheTopOfTheWindowShowsItOnExitIntent() {
        String campaign = newCampaign("");
        browser.get(shop(campaign, "/exit", "data-trigger=\"exit\""));
        pause(1500);
        assertEquals(0, popupFrames());
        // The pointer leaves the document upwards (towards the tabs and the address bar).
        js("document.documentElement.dispatchEvent(new MouseEvent('mouseout', {bubbles: true, clientX: 300, clientY: -2}))");
        WebElement frame = waitForPopup();
        assertEquals("dialog", js("return arguments[0].parentNode.getAttribute('role')", frame));
    }

    @Test
    void scrollingPastTheThresholdShowsIt() {
        String campaign = newCampaign("");
        browser.get(host.page("/scroll", html(loader(campaign, "data-scroll=\"50\""),
                "<div style=\"height:4000px\">Long page</div>")));
        pause(1500);
        assertEquals(0, popupFrames());
        js("window.scrollTo(0, 2600)");
        waitForPopup();
    }
}
