package org.tapscore.server.qr;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.Browsers;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The QR routes, read back by zbarimg, and a scanned code's answer counted with channel QR and its location. */
class QrRoutesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Path fetch(String path, String suffix, String contentType) throws Exception {
        HttpResponse<byte[]> response = server.http().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(contentType));
        Path file = Files.createTempFile("qr", suffix);
        Files.write(file, response.body());
        return file;
    }

    @Test
    void pngAndSvgLeadToTheSurveyWithChannelAndLocation() throws Exception {
        String expected = server.baseUrl() + "/s/demo?ch=qr&loc=store-7";
        assertEquals(expected, Decoder.decodePng(fetch("/qr/demo.png?loc=store-7", ".png", "image/png")));
        assertEquals(expected, Decoder.decodePng(Decoder.svgToPng(fetch("/qr/demo.svg?loc=store-7&ecc=H", ".svg", "image/svg+xml"))));
    }

    @Test
    void aLongLocationIsPrintedAsAShortLinkThatLeadsToTheSameSurvey() throws Exception {
        String location = "Kafé Ærø – " + "table ".repeat(22).strip();
        String decoded = Decoder.decodePng(fetch("/qr/demo.png?loc=" + URLEncoder.encode(location, StandardCharsets.UTF_8),
                ".png", "image/png"));
        assertTrue(decoded.matches(java.util.regex.Pattern.quote(server.baseUrl()) + "/q/[0-9A-Za-z]{8}"), decoded);
        HttpResponse<String> redirect = server.get(decoded.substring(server.baseUrl().length()));
        assertEquals(302, redirect.statusCode());
        String target = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(target.startsWith(server.baseUrl() + "/s/demo?ch=qr&loc="), target);
        assertTrue(java.net.URLDecoder.decode(target, StandardCharsets.UTF_8).endsWith(location), target);
        Api.problem(server.get("/q/AAAAAAAA", "Accept", "application/json"), 404);
    }

    @Test
    void postersCarryTheQuestionAndAScannableCode() throws Exception {
        for (String format : new String[]{"A4", "A5", "A6-tent"}) {
            Path pdf = fetch("/qr/demo/poster.pdf?format=" + format + "&loc=store-7", ".pdf", "application/pdf");
            String decoded = Decoder.decodePng(Decoder.pdfToPng(pdf));
            assertTrue(decoded.contains(server.baseUrl() + "/s/demo?ch=qr&loc=store-7"), format + ": " + decoded);
        }
    }

    @Test
    void badRequestsAreExplained() {
        Api.problem(server.get("/qr/demo.png?size=5"), 400);
        Api.problem(server.get("/qr/demo.png?size=big"), 400);
        Api.problem(server.get("/qr/demo.png?ecc=Z"), 400);
        Api.problem(server.get("/qr/demo/poster.pdf?format=A0"), 400);
        Api.problem(server.get("/qr/nope.png"), 404);
        Api.problem(server.get("/qr/demo.gif"), 404);
    }

    @Test
    void repeatedRequestsAreServedFromCacheWithAnEtag() {
        HttpResponse<String> first = server.get("/qr/demo.svg?loc=a");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = server.get("/qr/demo.svg?loc=a", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
    }

    @Test
    void aScannedCodesAnswerIsStoredWithChannelQrAndTheLocation() throws Exception {
        String url = Decoder.decodePng(fetch("/qr/service.png?loc=Kaf%C3%A9%20%C3%86r%C3%B8", ".png", "image/png"));
        ChromeDriver browser = Browsers.chromium();
        try {
            browser.get(url);
            browser.findElement(By.cssSelector("label[for=ts-score-9]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-ts-followup]")));
        } finally {
            browser.quit();
        }
        JsonNode items = Api.json(server.getWithKey("/api/v1/responses?campaign=service")).get("items");
        JsonNode last = items.get(items.size() - 1);
        assertEquals("QR", last.get("channel").asText());
        assertEquals("Kafé Ærø", last.get("location").asText());
        assertEquals(9, last.get("score").asInt());
    }
}
