package org.tapscore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tapscore.server.Settings;
import org.tapscore.server.TapscoreServer;
import org.tapscore.server.i18n.LocaleNegotiation;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regressions found by trying to break the server: each test failed before its fix. */
class HardeningTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String json, String... headers) {
        return server.postJson("/api/v1/responses", json, headers);
    }

    private static HttpResponse<String> createCampaign(String json) {
        return server.postJson("/api/v1/campaigns", json, "Authorization", "Bearer " + TestServer.ADMIN_KEY);
    }

    @Test
    void anAnonymousReplayOfAGuessableKeyRevealsNeitherEditTokenNorComment() {
        String body = "{\"campaign\": \"demo\", \"score\": 3, \"channel\": \"API\", \"idempotencyKey\": \"order-"
                + UUID.randomUUID().toString().substring(0, 8) + "-nps\", \"comment\": \"private words\"}";
        JsonNode first = Api.json(post(body, "Authorization", "Bearer " + TestServer.ADMIN_KEY));
        assertFalse(first.get("editToken").asText().isBlank());
        HttpResponse<String> replay = post(body);
        assertEquals(200, replay.statusCode());
        JsonNode replayed = Api.json(replay);
        assertEquals(first.get("id"), replayed.get("id"));
        assertNull(replayed.get("editToken"), replay.body());
        assertNull(replayed.get("comment"), replay.body());
        assertEquals(first.get("editToken"), Api.json(post(body, "Authorization", "Bearer " + TestServer.ADMIN_KEY))
                .get("editToken"), "the key holder with an API key still gets it");
    }

    @Test
    void reusingAKeyForAnotherScoreIsRefused() {
        String key = UUID.randomUUID().toString();
        assertEquals(201, post("{\"campaign\": \"demo\", \"score\": 3, \"channel\": \"API\", \"idempotencyKey\": \"" + key + "\"}").statusCode());
        JsonNode problem = Api.problem(post("{\"campaign\": \"demo\", \"score\": 9, \"channel\": \"API\", \"idempotencyKey\": \"" + key + "\"}"), 422);
        assertEquals("idempotency-key-reused", problem.get("code").asText());
    }

    @Test
    void answeredAtIsIsoTextAndCannotBeBackdatedAnonymously() {
        String base = "{\"campaign\": \"demo\", \"score\": 5, \"channel\": \"API\", \"idempotencyKey\": \"%s\", \"answeredAt\": %s}";
        long before = Api.count(server, "demo");
        Api.problem(post(base.formatted(UUID.randomUUID(), "1733000000")), 400);
        Api.problem(post(base.formatted(UUID.randomUUID(), "\"yesterday\"")), 400);
        Api.problem(post(base.formatted(UUID.randomUUID(), "\"1970-01-01T00:00:00Z\"")), 422);
        assertEquals(before, Api.count(server, "demo"));
        assertEquals(201, post(base.formatted(UUID.randomUUID(), "\"2019-05-01T10:00:00Z\""),
                "Authorization", "Bearer " + TestServer.ADMIN_KEY).statusCode(), "imports with a key may backdate");
    }

    @Test
    void bodiesInOtherEncodingsAreRefused() {
        byte[] utf16 = "{\"campaign\": \"demo\", \"score\": 5, \"channel\": \"API\", \"idempotencyKey\": \"abcdefgh-utf16\"}"
                .getBytes(StandardCharsets.UTF_16);
        Api.problem(server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/responses"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(utf16))), 400);
    }

    @Test
    void invisibleDirectionTricksAreRemovedButJoinersStay() {
        String comment = "good\u202Eevil\u202C \u200Bhidden \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        JsonNode created = Api.json(post("{\"campaign\": \"demo\", \"score\": 8, \"channel\": \"API\", \"idempotencyKey\": \""
                + UUID.randomUUID() + "\", \"comment\": " + quote(comment) + "}"));
        assertEquals("goodevil hidden \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", created.get("comment").asText());
    }

    @Test
    void campaignTextsAreCleanedAndABlankQuestionIsRefused() {
        JsonNode problem = Api.problem(createCampaign("{\"id\": \"blank-q\", \"name\": \"x\", \"type\": \"NPS\", "
                + "\"texts\": {\"en\": {\"question\": \"\\u0001\\u0002\"}}}"), 400);
        assertEquals("texts[en].question", problem.get("errors").get(0).get("field").asText());
        Api.problem(createCampaign("{\"id\": \"blank-n\", \"name\": \"\\u0000\", \"type\": \"NPS\", "
                + "\"texts\": {\"en\": {\"question\": \"Q?\"}}}"), 400);
    }

    @Test
    void fieldPathsReadLikeTheJson() {
        JsonNode problem = Api.problem(createCampaign("{\"id\": \"paths\", \"name\": \"x\", \"type\": \"NPS\", "
                + "\"allowedOrigins\": [\"ftp://x\"], \"texts\": {\"en\": {\"question\": \"Q?\"}}}"), 400);
        assertEquals("allowedOrigins[0]", problem.get("errors").get(0).get("field").asText());
        assertFalse(problem.toString().contains("<"), problem.toString());
    }

    @Test
    void campaignSpellingsAreNormalised() {
        HttpResponse<String> created = createCampaign("{\"id\": \"normal\", \"name\": \"Normal\", \"type\": \"NPS\", "
                + "\"defaultLocale\": \"EN\", \"allowedOrigins\": [\"HTTPS://Shop.Example:443\", \"https://shop.example\"], "
                + "\"theme\": {\"primaryColor\": \"#0A7\"}, \"texts\": {\"EN\": {\"question\": \"Q?\"}}}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode campaign = Api.json(created);
        assertEquals("en", campaign.get("defaultLocale").asText());
        assertEquals(List.of("https://shop.example"), List.of(campaign.get("allowedOrigins").get(0).asText()));
        assertEquals(1, campaign.get("allowedOrigins").size());
        assertEquals("#00aa77", campaign.get("theme").get("primaryColor").asText());
        assertEquals(201, post("{\"campaign\": \"normal\", \"score\": 5, \"channel\": \"API\", \"idempotencyKey\": \""
                + UUID.randomUUID() + "\"}", "Origin", "https://shop.example:443").statusCode());
        Api.problem(createCampaign("{\"id\": \"badport\", \"name\": \"x\", \"type\": \"NPS\", "
                + "\"allowedOrigins\": [\"https://shop.example:99999\"], \"texts\": {\"en\": {\"question\": \"Q?\"}}}"), 400);
    }

    @Test
    void unauthorizedSaysBearerAndUnknownCampaignsAreNotFoundInLists() {
        HttpResponse<String> unauthorized = server.get("/api/v1/responses?campaign=demo");
        Api.problem(unauthorized, 401);
        assertEquals("Bearer", unauthorized.headers().firstValue("WWW-Authenticate").orElse(""));
        Api.problem(server.getWithKey("/api/v1/responses?campaign=nope"), 404);
    }

    @Test
    void linksWithOverlongLabelsAreRefusedBeforeTheCustomerAnswers() {
        String longLocation = "x".repeat(250);
        HttpResponse<String> page = server.get("/s/demo?loc=" + longLocation, "Accept", "text/html");
        assertEquals(400, page.statusCode());
        Api.problem(server.get("/qr/demo.png?loc=" + longLocation), 400);
    }

    @Test
    void aFollowUpLinkOnlyWorksUnderItsOwnCampaign() {
        JsonNode created = Api.json(post("{\"campaign\": \"service\", \"score\": 6, \"channel\": \"API\", "
                + "\"idempotencyKey\": \"" + UUID.randomUUID() + "\"}", "Authorization", "Bearer " + TestServer.ADMIN_KEY));
        String query = "?r=" + created.get("id").asText() + "&t=" + created.get("editToken").asText();
        assertEquals(200, server.get("/s/service/followup" + query, "Accept", "text/html").statusCode());
        assertEquals(404, server.get("/s/demo/followup" + query, "Accept", "text/html").statusCode());
    }

    @Test
    void pageUrlIsReturnedInTheList() {
        String campaign = "service";
        JsonNode created = Api.json(post("{\"campaign\": \"" + campaign + "\", \"score\": 9, \"channel\": \"POPUP\", "
                + "\"idempotencyKey\": \"" + UUID.randomUUID() + "\", \"pageUrl\": \"https://shop.example/cart\"}"));
        JsonNode item = Api.json(server.getWithKey("/api/v1/responses/" + created.get("id").asText()));
        assertEquals("https://shop.example/cart", item.get("pageUrl").asText());
    }

    @Test
    void oneMalformedLanguageEntryDoesNotDropTheOthers() {
        assertEquals("en", LocaleNegotiation.choose(null, "x-this-is-wrong-123456789,en;q=0.1", Set.of("ar", "en"), "ar"));
    }

    @Test
    void aNullBodyAndNumbersForEnumsAreRefused() {
        long before = Api.count(server, "demo");
        Api.problem(post("null"), 400);
        Api.problem(post("{\"campaign\": \"demo\", \"score\": 4, \"channel\": 3, \"idempotencyKey\": \"fuzz-12345678\"}"), 400);
        assertEquals(before, Api.count(server, "demo"));
    }

    @Test
    void bodiesShorterThanTheirLengthOrWithBrokenChunksAreClientErrors() throws Exception {
        String shortBody = "POST /api/v1/responses HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 50\r\n\r\n{";
        assertTrue(rawStatus(shortBody, true) / 100 == 4 || rawStatus(shortBody, true) == -1);
        String brokenChunk = "POST /api/v1/responses HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
        int status = rawStatus(brokenChunk, false);
        assertTrue(status / 100 == 4, "status " + status);
        assertEquals(200, server.get("/observe/health").statusCode());
    }

    @Test
    void errorsTheWebServerAnswersItselfAreProblemDocumentsToo() throws Exception {
        String overTheServerCap = "POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: text/csv\r\n"
                + "Authorization: Bearer " + TestServer.ADMIN_KEY + "\r\nContent-Length: " + (70L << 20)
                + "\r\n\r\nid\n";
        String answer = rawAnswer(overTheServerCap);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("\"code\":\"file-too-large\""), answer);
        assertTrue(answer.contains("The file is larger than 64 MB"), answer);
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("(?i)x-request-id: ([0-9a-f-]{36})").matcher(answer);
        assertTrue(id.find(), answer);
        assertTrue(answer.contains("\"requestId\":\"" + id.group(1) + "\""), answer);

        String justOverTheFileCap = "POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: text/csv\r\nAuthorization: Bearer " + TestServer.ADMIN_KEY + "\r\nContent-Length: "
                + ((64L << 20) + 10) + "\r\n\r\nid\n";
        String sameWords = rawAnswer(justOverTheFileCap);
        assertTrue(sameWords.startsWith("HTTP/1.1 413") && sameWords.contains("The file is larger than 64 MB"), sameWords);

        String brokenChunk = "POST /api/v1/responses HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                + "\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
        String malformed = rawAnswer(brokenChunk);
        assertTrue(malformed.startsWith("HTTP/1.1 400"), malformed);
        assertTrue(malformed.contains("\"code\":\"bad-request\""), malformed);
        assertTrue(malformed.contains("\"requestId\":"), malformed);
        assertFalse(malformed.contains("zz"), "the malformed input is not echoed: " + malformed);

        String oldVersion = rawAnswer("GET /observe/health HTTP/1.0\r\nHost: localhost\r\n\r\n");
        assertTrue(oldVersion.startsWith("HTTP/1.1 505") || oldVersion.startsWith("HTTP/1.0 505")
                || oldVersion.startsWith("HTTP/1.1 200"), "not a 503 for an old client: " + oldVersion);

        for (String chunk : List.of("zz", "-5", "ffffffffffffffffff")) {
            String badChunk = rawAnswer("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Content-Type: text/csv\r\nAuthorization: Bearer " + TestServer.ADMIN_KEY + "\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + chunk + "\r\nid\n1\r\n0\r\n\r\n");
            assertTrue(badChunk.startsWith("HTTP/1.1 400"), chunk + ": " + badChunk);
            assertTrue(badChunk.contains("application/problem+json"), badChunk);
        }

        for (String target : List.of("/api/v1/campaigns?status=%zz", "/api/v1/campaigns/%zz")) {
            String badEncoding = rawAnswer("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Bearer " + TestServer.ADMIN_KEY + "\r\n\r\n");
            assertTrue(badEncoding.startsWith("HTTP/1.1 4"), badEncoding);
            assertTrue(badEncoding.toLowerCase().contains("content-type: application/problem+json"), badEncoding);
        }
    }

    /** Sends raw bytes and reads the whole answer until the server closes the connection. */
    private static String rawAnswer(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sends raw bytes and returns the status code, or -1 when the server closed without answering. */
    private static int rawStatus(String request, boolean halfClose) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            if (halfClose) {
                socket.shutdownOutput();
            }
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return line == null ? -1 : Integer.parseInt(line.split(" ")[1]);
        }
    }

    @Test
    void healthDoesNotPublishMachineFigures() {
        assertFalse(server.get("/observe/health").body().contains("diskSpace"));
    }

    @Test
    void anAdminKeyThatCannotTravelInAHeaderStopsTheStart() throws Exception {
        Settings settings = new Settings("127.0.0.1", 0, Files.createTempDirectory("key"), TestDatabases.h2(),
                Optional.of(" my kéy 😀 "), "", 16384, 100, 50, false, "never");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> TapscoreServer.start(settings));
        assertTrue(refused.getMessage().contains("TAPSCORE_ADMIN_KEY"), refused.getMessage());
    }

    private static String quote(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
