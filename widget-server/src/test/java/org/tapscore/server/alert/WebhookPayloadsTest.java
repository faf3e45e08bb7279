package org.tapscore.server.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookPayloadsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AlertMessage MESSAGE = new AlertMessage(UUID.randomUUID(), UUID.randomUUID(), "shop",
            "Shop & Co", "How likely…?", 2, "detractor", "<img src=x onerror=alert(1)> & <!channel>", "kiosk",
            "Aarhus", Instant.parse("2026-10-25T00:30:00Z"), "cust-1", "https://tapscore.example/admin/responses");

    @Test
    void slackTextEscapesItsControlCharacters() throws Exception {
        JsonNode slack = MAPPER.readTree(WebhookPayloads.body(AlertFormat.SLACK, MESSAGE));
        String text = slack.at("/blocks/0/text/text").asText();
        assertTrue(text.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;!channel&gt;"), text);
        assertFalse(text.contains("<!channel>"), "no mention can be smuggled in");
        assertTrue(text.contains("<https://tapscore.example/admin/responses|Open the response>"));
        assertEquals("mrkdwn", slack.at("/blocks/0/text/type").asText());
    }

    @Test
    void teamsGetsAnAdaptiveCardWithTheCommentAsText() throws Exception {
        JsonNode teams = MAPPER.readTree(WebhookPayloads.body(AlertFormat.TEAMS, MESSAGE));
        assertEquals("application/vnd.microsoft.card.adaptive", teams.at("/attachments/0/contentType").asText());
        JsonNode card = teams.at("/attachments/0/content");
        assertEquals("AdaptiveCard", card.get("type").asText());
        assertEquals(MESSAGE.comment(), card.at("/body/2/text").asText());
        assertEquals(MESSAGE.url(), card.at("/actions/0/url").asText());
    }

    @Test
    void signaturesFollowStandardWebhooks() {
        // Key "test" in base64 is dGVzdA==; computed independently with: printf 'msg_1.1700000000.{}' |
        // openssl dgst -sha256 -hmac test -binary | base64
        String signature = WebhookSigner.sign("whsec_dGVzdA==", "msg_1", 1_700_000_000L, "{}".getBytes());
        assertEquals("v1,eKz7HZuFOf10lKa1mJNAK+day2D2tBwSFXr/dvOgJEU=", signature);
    }
}
