package org.tapscore.server.embed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A campaign that names its {@code allowedOrigins}: pages elsewhere can neither frame the survey (CSP
 * {@code frame-ancestors}) nor write answers for it (the origin check, and no CORS for their scripts).
 */
class EmbeddingRulesBrowserTest extends EmbedBrowserTestBase {
    private HostSite stranger;

    @BeforeAll
    void startStranger() {
        stranger = new HostSite();
    }

    @AfterAll
    void stopStranger() {
        stranger.close();
    }

    private String restrictedCampaign() {
        return newCampaign(", \"allowedOrigins\": [\"" + host.origin() + "\"]");
    }

    private String framingPage(HostSite site, String campaign) {
        return site.page("/frame-" + campaign, html("",
                "<iframe id=survey src=\"" + server.baseUrl() + "/embed/" + campaign + "\" title=\"Survey\"></iframe>"
                        + "<script async src=\"" + server.baseUrl() + "/widget.js\" data-mode=\"inline\"></script>"));
    }

    private boolean frameShowsTheSurvey() {
        WebElement frame = browser.findElement(By.id("survey"));
        browser.switchTo().frame(frame);
        try {
            return !browser.findElements(By.cssSelector("[data-ts-survey]")).isEmpty();
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    @Test
    void onlyAnAllowedOriginCanFrameTheSurvey() {
        String campaign = restrictedCampaign();
        browser.get(framingPage(host, campaign));
        waitUntil(() -> events().stream().anyMatch(e -> e.startsWith("ready")));
        assertTrue(frameShowsTheSurvey());

        browser.get(framingPage(stranger, campaign));
        pause(2000);
        assertTrue(!frameShowsTheSurvey(), "frame-ancestors must keep the survey out of " + stranger.origin());
        assertEquals(List.of(), events());
    }

    /** A form key the server issued (it signs them), taken from the survey page as a browser would get it. */
    private String issuedFormKey(String campaign) {
        Matcher m = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(server.get("/embed/" + campaign).body());
        assertTrue(m.find(), "the survey page carries a form key");
        return m.group(1);
    }

    private String formPage(HostSite site, String campaign) {
        return site.page("/form-" + campaign, html("",
                "<form method=post action=\"" + server.baseUrl() + "/embed/" + campaign + "\">"
                        + "<input type=hidden name=key value=\"" + issuedFormKey(campaign) + "\">"
                        + "<input type=hidden name=score value=4><button id=send>Send</button></form>"));
    }

    @Test
    void writesFromAnotherOriginAreRefused() {
        String campaign = restrictedCampaign();
        browser.get(stranger.page("/api-" + campaign, html("", "<h1>Elsewhere</h1>")));
        Object outcome = browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0] + '/api/v1/responses', {method: 'POST', headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify({campaign: arguments[1], score: 5, channel: 'EMBED', idempotencyKey: 'stranger-123'})})
                  .then(function (r) { done('status ' + r.status); }, function (e) { done('refused ' + e.name); });""",
                server.baseUrl(), campaign);
        assertEquals("refused TypeError", outcome);

        // A plain form post needs no CORS: the server's origin check is what refuses it.
        browser.get(formPage(stranger, campaign));
        browser.findElement(By.id("send")).click();
        waitUntil(() -> browser.getCurrentUrl().startsWith(server.baseUrl()));
        assertEquals(List.of(), storedChannelsAndPages(campaign));

        // The same form on the allowed origin records: the refusal above was about the origin.
        browser.get(formPage(host, campaign));
        browser.findElement(By.id("send")).click();
        waitUntil(() -> browser.getCurrentUrl().contains("/followup"));
        assertEquals(List.of("EMBED null"), storedChannelsAndPages(campaign));
    }
}
