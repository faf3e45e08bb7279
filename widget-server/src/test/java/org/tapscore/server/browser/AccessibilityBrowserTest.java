package org.tapscore.server.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** axe-core, run inside Chromium, finds no violations on the views and their steps. */
class AccessibilityBrowserTest extends BrowserTestBase {

    private void assertNoViolations(String what) {
        Results results = new AxeBuilder().analyze(browser);
        List<Rule> violations = results.getViolations();
        assertTrue(violations.isEmpty(), what + ": " + violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getNodes().size() + "): " + rule.getHelp())
                .collect(Collectors.joining("; ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/s/demo", "/embed/demo", "/kiosk/demo", "/s/demo?lang=en", "/s/service"})
    void scoreStepHasNoViolations(String path) {
        browser.get(server.baseUrl() + path);
        assertNoViolations(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/s/demo", "/embed/demo", "/kiosk/demo"})
    void followUpAndThanksHaveNoViolations(String path) {
        browser.get(server.baseUrl() + path);
        scoreLabel(4).click();
        waitVisible(By.cssSelector("[data-ts-followup]"));
        assertNoViolations(path + " follow-up");
        browser.findElement(By.cssSelector("[data-ts-followup] button")).click();
        waitVisible(By.id("ts-thanks"));
        assertNoViolations(path + " thanks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/s/no-such-campaign"})
    void errorPageHasNoViolations(String path) {
        browser.get(server.baseUrl() + path);
        assertNoViolations(path);
    }
}
