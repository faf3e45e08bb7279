package org.tapscore.server.invitation;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tapscore.server.support.TestDatabases;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /embed/{campaign}/email.html}: the public 0–10 scale to paste into newsletters and signatures. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailSnippetTest {
    private GreenMail mail;
    private InvitationServer server;

    @BeforeAll
    void start() {
        mail = InvitationServer.startMail();
        server = InvitationServer.start(TestDatabases.h2(), Clock.systemUTC(), mail);
    }

    @AfterAll
    void stop() {
        server.close();
        mail.stop();
    }

    @Test
    void fullAndCompactVariantsLinkToTheCampaignPageWithoutRecording() {
        String campaign = server.campaign("news", """
                "name": "Newsletter", "type": "NPS", "defaultLocale": "da",
                "texts": {"da": {"question": "Anbefaler du \\"Bager & Co\\" <i>?"}, "en": {"question": "Recommend us?"}}""");
        for (String variant : List.of("full", "compact")) {
            HttpResponse<String> snippet = server.get("/embed/" + campaign + "/email.html?variant=" + variant);
            assertEquals(200, snippet.statusCode(), snippet.body());
            assertTrue(snippet.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            String html = snippet.body();
            assertTrue(html.contains("Anbefaler du &quot;Bager &amp; Co&quot; &lt;i&gt;?"), html);
            assertFalse(html.contains("<i>"));
            assertFalse(html.contains("<script"), "email HTML has no scripts");
            List<String> links = InvitationServer.links(html).stream()
                    .filter(l -> l.startsWith(server.baseUrl + "/s/" + campaign + "?score=")).toList();
            assertEquals(11, links.size(), html);
            assertEquals(server.baseUrl + "/s/" + campaign + "?score=10&ch=email&lang=da", links.get(10));
            assertEquals(variant.equals("full"), html.contains("næste side"), "the hint only in the full variant");
        }
        HttpResponse<String> english = server.get("/embed/" + campaign + "/email.html?variant=compact&lang=en");
        assertTrue(english.body().contains("Recommend us?") && english.body().contains("lang=\"en\""));

        HttpResponse<String> landing = server.get("/s/" + campaign + "?score=7&ch=email&lang=da", "Accept", "text/html");
        assertEquals(200, landing.statusCode());
        assertTrue(landing.body().contains("data-channel=\"EMAIL\""), "answers are counted as email");
        assertEquals(0, server.responses(campaign).size(), "following the link records nothing");

        assertEquals(400, server.get("/embed/" + campaign + "/email.html?variant=huge").statusCode());
        assertEquals(404, server.get("/embed/no-such-campaign/email.html").statusCode());
    }
}
