package org.tapscore.demos;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShopDemoTest {
    @Test
    void thePageIncludesTheLoaderAndTheIframeFromTheServer() {
        String html = ShopDemo.page("http://localhost:8080", "demo");
        assertTrue(html.contains("<script async src=\"http://localhost:8080/widget.js\" data-campaign=\"demo\""));
        assertTrue(html.contains("<iframe class=\"survey\" src=\"http://localhost:8080/embed/demo\""));
        assertTrue(!html.contains("<script>") && !html.contains(" style=\""), "no inline script or style: strict CSP");
    }

    @Test
    void optionsAreNameValuePairs() {
        assertEquals(Map.of("server", "http://x", "port", "9"), ShopDemo.options(new String[]{"--server", "http://x", "--port", "9"}));
        assertThrows(IllegalArgumentException.class, () -> ShopDemo.options(new String[]{"server", "x"}));
    }
}
