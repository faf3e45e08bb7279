package org.tapscore.server.embed;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A host page whose CSS attacks everything it can reach: the pop-up must stay intact, the page unchanged. */
class HostileHostBrowserTest extends EmbedBrowserTestBase {
    private static final String HOSTILE_CSS = """
            <style>
            :root { --ts-primary: red; --ts-box: 1px; --ts-gap: 90px; --ts-text: transparent; }
            * { font-size: 30px !important; box-sizing: content-box; }
            button { width: 100%; }
            legend { float: left; }
            iframe { display: none; }
            div { padding: 20px; border: 5px solid red; opacity: .5; transform: rotate(3deg); }
            header { position: sticky; top: 0; z-index: 9999; background: #333; color: #fff; height: 80px; }
            .modal { position: fixed; inset: 0; z-index: 9999; background: rgba(0, 0, 0, .4); }
            </style>""";
    private static final String BODY = """
            <header>Hostile Shop</header>
            <form><fieldset><legend>Newsletter</legend><button type="button" id="join">Join</button></fieldset></form>
            <p id="text">Lots of products.</p>
            <section class="modal" id="modal">Cookie wall</section>""";

    /** The computed style of the host's own elements, every property. */
    private String hostStyles() {
        return (String) js("""
                return ['html', 'body', 'header', 'legend', '#join', '#text', '#modal'].map(function (sel) {
                  var cs = getComputedStyle(document.querySelector(sel)), out = [];
                  for (var i = 0; i < cs.length; i++) { out.push(cs[i] + ':' + cs.getPropertyValue(cs[i])); }
                  return sel + '{' + out.join(';') + '}';
                }).join('\\n');""");
    }

    @Test
    void thePopupStaysVisibleClickableAndLaidOutAndTheHostPageIsUntouched() {
        String campaign = newCampaign("");
        browser.get(host.page("/plain", html(HOSTILE_CSS, BODY)));
        String before = hostStyles();

        browser.get(host.page("/hostile", html(HOSTILE_CSS + loader(campaign, "data-delay=\"0\""), BODY)));
        WebElement frame = waitForPopup();
        // The loader starts the frame at 180 px; the survey then reports its own height.
        waitUntil(() -> frame.getRect().getHeight() != 180);

        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) js("""
                var f = arguments[0], r = f.getBoundingClientRect(), b = getComputedStyle(f.parentNode);
                var cx = r.left + r.width / 2, cy = r.top + r.height / 2;
                return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width,
                        vw: innerWidth, vh: innerHeight, display: getComputedStyle(f).display,
                        onTop: document.elementFromPoint(cx, cy) === f,
                        position: b.position, zIndex: b.zIndex, opacity: b.opacity, transform: b.transform,
                        padding: b.paddingTop, border: b.borderTopWidth};""", frame);
        assertEquals("block", box.get("display"));
        assertEquals(true, box.get("onTop"), "the pop-up is above the sticky header and the modal: " + box);
        assertEquals("fixed", box.get("position"));
        assertEquals("2147483647", box.get("zIndex"));
        assertEquals("1", box.get("opacity"));
        assertEquals("none", box.get("transform"));
        assertEquals("0px", box.get("padding"));
        assertEquals("0px", box.get("border"));
        assertEquals(400.0, ((Number) box.get("width")).doubleValue(), 0.5);
        assertTrue(((Number) box.get("left")).doubleValue() >= 0 && ((Number) box.get("top")).doubleValue() >= 0
                && ((Number) box.get("right")).doubleValue() <= ((Number) box.get("vw")).doubleValue()
                && ((Number) box.get("bottom")).doubleValue() <= ((Number) box.get("vh")).doubleValue(),
                "the pop-up lies inside the viewport: " + box);

        // Inside the frame our own CSS rules: eleven equal boxes on one row, our sizes and colours.
        browser.switchTo().frame(frame);
        List<WebElement> labels = browser.findElements(By.cssSelector(".ts-option label"));
        assertEquals(11, labels.size());
        int top = labels.get(0).getRect().getY();
        for (WebElement label : labels) {
            assertEquals(top, label.getRect().getY(), "all scores on one row");
            assertTrue(label.getRect().getWidth() >= 24, "a score box is wide enough to tap");
        }
        assertNotEquals("30px", browser.findElement(By.id("ts-question")).getCssValue("font-size"));
        browser.switchTo().defaultContent();

        answerInFrame(frame, 3);
        assertEquals(List.of("POPUP " + host.origin() + "/hostile"), storedChannelsAndPages(campaign));
        assertEquals(before, hostStyles(), "the loader changed none of the host's computed styles");
    }
}
