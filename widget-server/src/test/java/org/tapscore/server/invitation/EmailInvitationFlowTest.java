package org.tapscore.server.invitation;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tapscore.sdk.Channel;
import org.tapscore.sdk.Invitation;
import org.tapscore.sdk.Respondent;
import org.tapscore.sdk.RespondentProfile;
import org.tapscore.sdk.Response;
import org.tapscore.sdk.TapscoreClient;
import org.tapscore.sdk.TriggerRequest;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestDatabases;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SDK trigger → email in GreenMail with 11 score links → a person follows one in Chromium → one bound answer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailInvitationFlowTest {
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
    void emailLinkLeadsToOneAnswerBoundToInvitationAndRespondent() throws Exception {
        String campaign = server.campaign("mail", """
                "name": "After order", "type": "NPS", "defaultLocale": "da",
                "texts": {"da": {"question": "Vil du anbefale <Test & Shop>?"},
                          "en": {"question": "Would you recommend <Test & Shop>?"}}""");
        TapscoreClient sdk = server.sdk();
        Invitation invitation = sdk.trigger(TriggerRequest.builder(campaign,
                Respondent.of("cust/1042").withEmail("anna@example.com").withName("Anna Jensen"), Channel.EMAIL)
                .build());
        assertEquals("SCHEDULED", invitation.status());
        assertTrue(invitation.url().toString().startsWith(server.baseUrl + "/r/"), invitation.url().toString());
        assertTrue(invitation.token().matches("[A-Za-z0-9_-]{43}"), invitation.token());
        assertNotNull(invitation.emailHtml());

        assertTrue(mail.waitForIncomingEmail(15_000, 1), "the email arrives");
        MimeMessage message = mail.getReceivedMessages()[0];
        assertEquals("anna@example.com", message.getAllRecipients()[0].toString());
        assertEquals("Vil du anbefale <Test & Shop>?", message.getSubject());
        String html = InvitationServer.part(message, "text/html");
        String text = InvitationServer.part(message, "text/plain");
        // Free text is escaped in the HTML, in the campaign's language, and the page is light-only on purpose.
        assertTrue(html.contains("Vil du anbefale &lt;Test &amp; Shop&gt;?"), html);
        assertFalse(html.contains("<Test"), "campaign text is never raw HTML");
        assertTrue(html.contains("lang=\"da\"") && html.contains("name=\"color-scheme\" content=\"light\""));
        Map<Integer, String> scoreLinks = new TreeMap<>();
        for (String link : InvitationServer.links(html)) {
            if (link.startsWith(invitation.url() + "?score=")) {
                scoreLinks.put(Integer.parseInt(link.substring(link.indexOf("=") + 1)), link);
            }
        }
        assertEquals(11, scoreLinks.size(), "one link per score 0–10: " + scoreLinks);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), List.copyOf(scoreLinks.keySet()));
        assertTrue(text.contains(invitation.url() + "?score=10"), text);

        browser.get(scoreLinks.get(8));
        assertTrue(browser.findElement(By.id("ts-score-8")).isSelected(), "the email's score is preselected");
        assertEquals(0, server.responses(campaign).size(), "opening the link stores nothing");
        browser.findElement(By.cssSelector("button.ts-next")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("ts-comment")));

        List<Response> responses = sdk.responses(campaign).stream().toList();
        assertEquals(1, responses.size());
        Response answer = responses.getFirst();
        assertEquals(8, answer.score());
        assertEquals(invitation.token(), answer.invitation());
        assertEquals(Channel.EMAIL, answer.channel());
        assertEquals("cust/1042", answer.respondent().externalId());
        assertEquals("Anna Jensen", answer.respondent().name());

        RespondentProfile profile = sdk.respondent("cust/1042");
        assertEquals(1, profile.responses().size());
        assertEquals(8.0, profile.averageScore());
        assertEquals("anna@example.com", profile.email());
    }
}
