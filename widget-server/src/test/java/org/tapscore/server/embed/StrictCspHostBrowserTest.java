package org.tapscore.server.embed;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host page with a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval'): the pop-up shows,
 * records, and the page sees no {@code securitypolicyviolation} event.
 */
class StrictCspHostBrowserTest extends EmbedBrowserTestBase {

    private void showsAndRecordsWithoutViolations(String path, String csp, String head) {
        String campaign = newCampaign("");
        browser.get(host.page(path, html(head + loader(campaign, "data-delay=\"0\""), "<h1>Strict shop</h1>"),
                Map.of("Content-Security-Policy", csp)));
        WebElement frame = waitForPopup();
        // The loader's CSSOM styles apply under style-src 'self' (set through the CSSOM, not as markup).
        assertEquals("fixed 2147483647 400px", js("var s = getComputedStyle(arguments[0].parentNode);"
                + "return s.position + ' ' + s.zIndex + ' ' + s.width", frame));
        answerInFrame(frame, 10);
        waitUntil(() -> events().stream().anyMatch(e -> e.startsWith("answered")));
        assertEquals(List.of("POPUP " + host.origin() + path), storedChannelsAndPages(campaign));
        assertEquals(List.of(), js("return window.violations"), "CSP violations on the host page");
        assertTrue(events().stream().anyMatch(e -> e.startsWith("ready")), events().toString());
    }

    @Test
    void theRecipeFromTheReadmeIsEnough() {
        showsAndRecordsWithoutViolations("/strict",
                "default-src 'self'; script-src 'self' " + server.baseUrl() + "; frame-src " + server.baseUrl(), "");
    }

    @Test
    void anInlineQueueStubRunsWithANonce() {
        showsAndRecordsWithoutViolations("/nonce",
                "default-src 'self'; script-src 'self' 'nonce-r4nd0m' " + server.baseUrl() + "; frame-src "
                        + server.baseUrl(),
                "<script nonce=\"r4nd0m\">tapscore('on', 'completed', function () {});</script>");
    }
}
