package org.tapscore.server.embed;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An iframe embed whose height follows its content at every step, kept by the loader in inline mode. */
class InlineIframeBrowserTest extends EmbedBrowserTestBase {

    private String page(String campaign) {
        return host.page("/inline-" + campaign, html("<style>iframe { width: 100%; border: 0; }</style>",
                "<h1>Order confirmed</h1>"
                        + "<iframe id=survey src=\"" + server.baseUrl() + "/embed/" + campaign + "\" title=\"Survey\"></iframe>"
                        + "<script async src=\"" + server.baseUrl() + "/widget.js\" data-mode=\"inline\"></script>"
                        + "<p>Footer</p>"));
    }

    /** Waits until the iframe is exactly as tall as its document, with no inner scrollbar; returns the height. */
    private long settledHeight(WebElement frame) {
        long[] last = {-1};
        waitUntil(() -> {
            long outer = ((Number) js("return arguments[0].getBoundingClientRect().height", frame)).longValue();
            browser.switchTo().frame(frame);
            try {
                long scroll = ((Number) js("return document.documentElement.scrollHeight")).longValue();
                long content = ((Number) js("return Math.ceil(document.documentElement.getBoundingClientRect().height)")).longValue();
                boolean scrollbar = (Boolean) js("return window.innerWidth > document.documentElement.clientWidth");
                last[0] = outer;
                return outer == scroll && outer == content && !scrollbar;
            } finally {
                browser.switchTo().defaultContent();
            }
        });
        return last[0];
    }

    @Test
    void heightFollowsScoreFollowUpAndThanks() {
        String campaign = newCampaign("");
        browser.get(page(campaign));
        WebElement frame = browser.findElement(By.id("survey"));
        long score = settledHeight(frame);
        assertNotEquals(150, score, "the default iframe height was replaced");

        answerInFrame(frame, 7);
        long followUp = settledHeight(frame);
        assertNotEquals(score, followUp);

        browser.switchTo().frame(frame);
        browser.findElement(By.id("ts-comment")).sendKeys("More colours, please");
        browser.findElement(By.cssSelector("[data-ts-followup] button")).click();
        browser.switchTo().defaultContent();
        long thanks = settledHeight(frame);
        assertNotEquals(followUp, thanks);

        assertEquals(List.of("EMBED null"), storedChannelsAndPages(campaign));
        waitUntil(() -> events().stream().anyMatch(e -> e.startsWith("completed")));
        assertTrue(events().contains("answered {\"campaign\":\"" + campaign + "\",\"score\":7,\"category\":\"passive\"}"),
                events().toString());
    }

    @Test
    void messagesFromAnyOtherOriginAreIgnored() {
        String campaign = newCampaign("");
        browser.get(page(campaign));
        WebElement frame = browser.findElement(By.id("survey"));
        long height = settledHeight(frame);
        // The host page itself (another origin than the server) pretends to be the survey.
        js("window.postMessage({type: 'tapscore:height', px: 3}, '*');"
                + "window.postMessage({type: 'tapscore:answered', score: 0, category: 'detractor'}, '*');");
        pause(700);
        assertEquals(height, ((Number) js("return arguments[0].getBoundingClientRect().height", frame)).longValue());
        assertTrue(events().stream().noneMatch(e -> e.startsWith("answered")), events().toString());
    }
}
