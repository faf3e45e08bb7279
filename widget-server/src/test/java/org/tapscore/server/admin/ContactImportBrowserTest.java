package org.tapscore.server.admin;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contact import in Chromium: an admin picks a CSV with one bad row, reads the report (line, column, reason),
 * imports the rest, and watches the progress bar, driven by {@code admin-import.js} polling the job, reach done.
 * The file is long enough (30,000 rows) that the page sees the import running and has to poll.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactImportBrowserTest {
    private static final int ROWS = 30_000;
    private static final int BAD_LINE = 1_235;

    private TestServer server;
    private ChromeDriver browser;
    private Path csv;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD));
        browser = Browsers.chromium();
        StringBuilder text = new StringBuilder("Kundenr;Navn;E-mail;Firma;Sprog\r\n");
        for (int line = 2; line <= ROWS + 1; line++) {
            String email = line == BAD_LINE ? "jørgen(at)example.dk" : "kunde" + line + "@example.dk";
            text.append("b-").append(line).append(";Jørgen Ærø ").append(line).append(';').append(email)
                    .append(";Blåbær A/S;da\r\n");
        }
        csv = Files.createTempFile("kunder", ".csv");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        Files.deleteIfExists(csv);
    }

    @Test
    void anAdminChecksAFileSeesTheBadRowAndImportsTheRestWithProgress() {
        AdminClient.signIn(browser, server);
        Browsers.clickAndLoad(browser, By.linkText("Contacts"));
        assertTrue(browser.getCurrentUrl().endsWith("/admin/contacts"), browser.getCurrentUrl());
        assertNoViolations("contacts page");

        browser.findElement(By.id("contact-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload-form button")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        // The first page after "Import" replaces the one the button was on, so a looked-up element may go stale.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(d -> !d.findElements(By.id("import-problems")).isEmpty());
        List<WebElement> cells = browser.findElements(By.cssSelector("#import-problems tbody td"));
        assertEquals(List.of(String.valueOf(BAD_LINE), "E-mail", "'jørgen(at)example.dk' is not an e-mail address"),
                cells.stream().map(WebElement::getText).toList());
        assertEquals(String.valueOf(ROWS), browser.findElement(By.id("count-rows")).getText());
        assertEquals("1", browser.findElement(By.id("count-invalid")).getText());
        assertNoViolations("check report");

        WebElement skip = browser.findElement(By.id("import-skip-button"));
        assertEquals("Import and skip the 1 invalid row", skip.getText());
        skip.click();
        // Every state the live region shows on the way; the last must be done, reached without a manual reload.
        Set<String> seen = new LinkedHashSet<>();
        wait.until(d -> {
            List<WebElement> state = d.findElements(By.id("import-state"));
            if (state.isEmpty()) {
                return false;
            }
            String text = state.getFirst().getText();
            seen.add(text.replaceAll("[0-9,]+", "#"));
            return text.startsWith("Done:");
        });
        assertEquals("Done: 29,999 created, 0 updated, 0 unchanged, 1 skipped",
                browser.findElement(By.id("import-state")).getText(), seen::toString);
        assertEquals("polite", browser.findElement(By.id("import-state")).getAttribute("aria-live"));
        WebElement bar = browser.findElement(By.id("import-bar"));
        assertEquals(bar.getAttribute("max"), bar.getAttribute("value"));
        assertEquals("29999", browser.findElement(By.id("count-created")).getText());
        assertEquals("1", browser.findElement(By.id("count-skipped")).getText());
        assertNoViolations("import result");
        // The form told the server not to wait (only the script does that), so the page opened on a running import
        // and only the script's polling can have brought it to done.
        assertTrue(seen.stream().anyMatch(t -> t.startsWith("Checking") || t.startsWith("Storing")), seen::toString);

        Browsers.clickAndLoad(browser, By.linkText("Back to contacts"));
        assertEquals("29,999 contacts", browser.findElement(By.id("contact-count")).getText());
        assertTrue(browser.findElement(By.id("imports")).getText().contains("done"));
    }

    private void assertNoViolations(String what) {
        List<Rule> violations = new AxeBuilder().analyze(browser).getViolations();
        assertTrue(violations.isEmpty(), what + ": " + violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getNodes().size() + "): " + rule.getHelp() + " "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .collect(Collectors.joining("; ")));
    }
}
