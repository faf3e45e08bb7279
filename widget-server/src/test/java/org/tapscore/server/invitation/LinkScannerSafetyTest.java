package org.tapscore.server.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tapscore.sdk.Channel;
import org.tapscore.sdk.Invitation;
import org.tapscore.sdk.Respondent;
import org.tapscore.sdk.TriggerRequest;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestDatabases;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mail security scanners open every link of an email, some with a real browser. Opening an invitation link
 * must never record an answer; only a person's choice does, and one invitation holds one answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkScannerSafetyTest {
    private static final String[] SCANNER_AGENTS = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36"
                    + " (compatible; Microsoft Defender SafeLinks)",
            "Barracuda Sentinel (EE)",
            "Proofpoint URL Defense"};

    private GreenMail mail;
    private InvitationServer server;
    private ChromeDriver browser;

    @BeforeAll
    void start() {
        mail = InvitationServer.startMail();
        server = InvitationServer.start(TestDatabases.h2(), Clock.systemUTC(), mail);
        browser = Browsers.chromium();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void openingLinksStoresNothingAndOnePersonStoresOneAnswer() throws Exception {
        String campaign = server.simpleCampaign("scan", "TOUCHPOINT", 30);
        Invitation invitation = server.sdk().trigger(TriggerRequest.builder(campaign,
                Respondent.of("scan-1").withEmail("ben@example.com"), Channel.EMAIL).build());
        List<String> links = InvitationServer.links(invitation.emailHtml()).stream()
                .filter(l -> l.startsWith(invitation.url() + "?score=")).toList();
        assertEquals(11, links.size(), invitation.emailHtml());

        for (String link : links) {
            HttpResponse<String> plain = server.get(link, "Accept", "text/html");
            assertEquals(200, plain.statusCode(), link);
            assertTrue(plain.body().contains("data-invitation=\"" + invitation.token() + "\""));
            for (String agent : SCANNER_AGENTS) {
                assertEquals(200, server.get(link, "User-Agent", agent, "Accept", "*/*").statusCode());
                assertTrue(server.head(link, "User-Agent", agent).statusCode() < 500);
            }
            assertTrue(server.head(link).statusCode() < 500);
        }
        assertEquals(0, server.responses(campaign).size(), "GET and HEAD store nothing");

        for (String link : links) {
            browser.get(link);
            waitUntilScriptRan();
            // Give any script that would post on its own the time to do so.
            Thread.sleep(250);
        }
        assertEquals(0, server.responses(campaign).size(), "a page load without a person's action stores nothing");

        // A person opens the link from "3" but chooses 9: the answer is stored the moment they choose.
        browser.get(links.get(3));
        waitUntilScriptRan();
        browser.findElement(By.cssSelector("label[for=ts-score-9]")).click();
        waitFollowUp();
        JsonNode stored = onlyResponse(campaign);
        assertEquals(9, stored.get("score").asInt());
        assertEquals(invitation.token(), stored.get("invitation").asText());
        assertEquals("scan-1", stored.get("respondent").get("externalId").asText());
        assertEquals("EMAIL", stored.get("channel").asText());
        String id = stored.get("id").asText();

        // Back to the email, the "4" link, confirmed with the button (a plain form post): the answer changes.
        browser.get(links.get(4));
        waitUntilScriptRan();
        browser.findElement(By.cssSelector("button.ts-next")).click();
        waitFollowUp();
        stored = onlyResponse(campaign);
        assertEquals(4, stored.get("score").asInt());
        assertEquals(id, stored.get("id").asText(), "the same response, updated");

        // And once more through the script's JSON path, from the bare link.
        browser.get(invitation.url().toString());
        waitUntilScriptRan();
        browser.findElement(By.cssSelector("label[for=ts-score-6]")).click();
        waitFollowUp();
        stored = onlyResponse(campaign);
        assertEquals(6, stored.get("score").asInt());
        assertEquals(id, stored.get("id").asText());

        // Opened again without a score, the link shows the answer given, ready to change.
        browser.get(invitation.url().toString());
        assertTrue(browser.findElement(By.id("ts-score-6")).isSelected());
        assertEquals(1, server.responses(campaign).size());
    }

    @Test
    void unknownTokensGetAClearPageAndProblem() {
        String unknown = "/r/" + "A".repeat(43);
        HttpResponse<String> page = server.get(unknown, "Accept", "text/html");
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("This link is no longer valid."), page.body());
        assertEquals("unknown-invitation", Api.problem(server.get(unknown, "Accept", "application/json"), 404)
                .get("code").asText());
        assertEquals(404, server.get("/r/not-a-token", "Accept", "application/json").statusCode());

        String campaign = server.simpleCampaign("scan", "TOUCHPOINT", 30);
        HttpResponse<String> forged = server.postJson("/api/v1/responses", """
                {"campaign": "%s", "score": 10, "channel": "EMAIL", "idempotencyKey": "forged-0001",
                 "invitation": "%s"}""".formatted(campaign, "B".repeat(43)));
        assertEquals("unknown-invitation", Api.problem(forged, 404).get("code").asText());
        assertEquals(0, server.responses(campaign).size());
    }

    private JsonNode onlyResponse(String campaign) {
        JsonNode items = server.responses(campaign);
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    private void waitUntilScriptRan() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete'"
                        + " && document.documentElement.classList.contains('js')"));
    }

    private void waitFollowUp() {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("ts-comment")));
    }
}
