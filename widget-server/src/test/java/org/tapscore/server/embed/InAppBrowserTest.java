package org.tapscore.server.embed;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The survey in an app's WebView: events reach the iOS, Android and React Native bridges that the app adds. */
class InAppBrowserTest extends EmbedBrowserTestBase {
    /** What the three platforms inject into a WebView before the page's scripts run, here recording calls. */
    private static final String BRIDGES = """
            window.bridgeCalls = [];
            window.webkit = {messageHandlers: {tapscore: {postMessage: function (m) {
              window.bridgeCalls.push('ios ' + m.type + ' ' + (m.score === undefined ? '' : m.score)); }}}};
            window.TapscoreAndroid = {postMessage: function (json) {
              var m = JSON.parse(json); window.bridgeCalls.push('android ' + m.type + ' ' + (m.score === undefined ? '' : m.score)); }};
            window.ReactNativeWebView = {postMessage: function (json) {
              var m = JSON.parse(json); window.bridgeCalls.push('rn ' + m.type + ' ' + (m.score === undefined ? '' : m.score)); }};
            """;

    @SuppressWarnings("unchecked")
    private List<String> bridgeCalls() {
        return (List<String>) js("return window.bridgeCalls");
    }

    @Test
    void answeredCompletedAndCloseReachEveryBridge() {
        String campaign = newCampaign("");
        Map<String, Object> added = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", BRIDGES));
        try {
            browser.get(server.baseUrl() + "/s/" + campaign + "?ch=APP");
            assertTrue(browser.findElement(By.cssSelector("[data-ts-close]")).isDisplayed(), "an app can be asked to close");
            browser.findElement(By.cssSelector("label[for=ts-score-6]")).click();
            waitUntil(() -> browser.findElement(By.id("ts-comment")).isDisplayed());
            browser.findElement(By.id("ts-comment")).sendKeys("Slow");
            browser.findElement(By.cssSelector("[data-ts-followup] button")).click();
            waitUntil(() -> bridgeCalls().contains("rn tapscore:completed "));
            browser.findElement(By.cssSelector("[data-ts-close]")).click();
            for (String platform : List.of("ios", "android", "rn")) {
                assertEquals(List.of(platform + " tapscore:ready ", platform + " tapscore:answered 6",
                                platform + " tapscore:completed ", platform + " tapscore:close "),
                        bridgeCalls().stream().filter(c -> c.startsWith(platform + " ")).toList());
            }
            assertEquals(List.of("APP null"), storedChannelsAndPages(campaign));
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
        }
    }

    @Test
    void withoutABridgeOrAnEmbeddingPageThereIsNothingToClose() {
        String campaign = newCampaign("");
        browser.get(server.baseUrl() + "/s/" + campaign + "?ch=APP");
        assertFalse(browser.findElement(By.cssSelector("[data-ts-close]")).isDisplayed());
    }
}
