package org.tapscore.server.alert;

import org.tapscore.server.mail.SmtpSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.tapscore.server.admin.AdminSettings;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts by e-mail (GreenMail) and webhook (a JDK HTTP server), with retries and several nodes. */
class AlertDeliveryTest {
    static final String XSS = "<img src=x onerror=alert(1)>";

    static AdminSettings fast() {
        return AdminSettings.defaults().withAlerts(Duration.ZERO, Duration.ofMillis(300), Duration.ofMillis(50));
    }

    @Test
    void aLowRatingSendsExactlyOneEmailWithTheCommentAsText() throws Exception {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        try (TestServer server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(), fast(),
                new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), "", "", "alerts@tapscore.test", false))) {
            String campaign = campaign(server);
            rule(server, campaign, """
                    {"from": 0, "to": 6, "email": "owner@shop.example"}""");
            String id = answer(server, campaign, 2, XSS);
            answer(server, campaign, 8, "fine");
            answer(server, campaign, 9, "great");
            waitFor(() -> mail.getReceivedMessages().length >= 1);
            Thread.sleep(1500);
            MimeMessage[] received = mail.getReceivedMessages();
            assertEquals(1, received.length, "exactly one e-mail");
            MimeMessage message = received[0];
            assertEquals("owner@shop.example", message.getAllRecipients()[0].toString());
            assertTrue(message.getSubject().contains("Score 2"));
            MimeMultipart parts = (MimeMultipart) message.getContent();
            String text = GreenMailUtil.getBody(parts.getBodyPart(0));
            String html = parts.getBodyPart(1).getContent().toString();
            assertTrue(parts.getBodyPart(1).getContentType().startsWith("text/html"));
            assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
            assertFalse(html.contains("<img"), html);
            assertTrue(html.contains("How likely are you to recommend Test Shop?"));
            assertTrue(html.contains("/admin/responses/" + id), html);
            String plain = parts.getBodyPart(0).getContent().toString();
            assertTrue(plain.contains("Comment: " + XSS), plain + text);
        } finally {
            mail.stop();
        }
    }

    @Test
    void aFailingWebhookIsRetriedUntilItSucceedsAndThenStops() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(n -> n == 1 ? 500 : 200, 0);
             TestServer server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(), fast())) {
            String campaign = campaign(server);
            JsonNode rule = rule(server, campaign, """
                    {"from": 0, "to": 6, "webhookUrl": "%s", "format": "json"}""".formatted(receiver.url()));
            String secret = rule.get("secret").asText();
            assertTrue(secret.startsWith("whsec_"));
            String id = answer(server, campaign, 1, XSS);
            waitFor(() -> receiver.calls.size() >= 2);
            Thread.sleep(2000);
            assertEquals(2, receiver.calls.size(), "one failure, one success, then nothing");
            WebhookReceiver.Call first = receiver.calls.get(0);
            WebhookReceiver.Call second = receiver.calls.get(1);
            assertEquals(first.id(), second.id(), "a retry carries the same delivery id");
            for (WebhookReceiver.Call call : receiver.calls) {
                assertEquals(expectedSignature(secret, call), call.signature());
            }
            JsonNode payload = Api.json(new FakeResponse(new String(second.body(), StandardCharsets.UTF_8)));
            assertEquals(XSS, payload.at("/response/comment").asText());
            assertEquals(1, payload.at("/response/score").asInt());
            assertEquals(id, payload.at("/response/id").asText());
            assertEquals(campaign, payload.at("/campaign/id").asText());
            assertEquals("How likely are you to recommend Test Shop?", payload.at("/campaign/question").asText());

            HttpResponse<String> listed = server.getWithKey("/api/v1/campaigns/" + campaign + "/alert-rules");
            assertEquals(200, listed.statusCode());
            assertFalse(listed.body().contains("whsec_"), "the secret is shown once only");
        }
    }

    @Test
    void twoNodesOnOnePostgresDeliverEachAlertExactlyOnce() throws Exception {
        var database = TestDatabases.postgres();
        try (WebhookReceiver receiver = new WebhookReceiver(n -> 200, 15);
             TestServer one = TestServer.start(database, 10_000, Clock.systemUTC(), fast());
             TestServer two = TestServer.start(database, 10_000, Clock.systemUTC(), fast())) {
            String campaign = campaign(one);
            rule(one, campaign, """
                    {"from": 0, "to": 10, "webhookUrl": "%s", "format": "slack"}""".formatted(receiver.url()));
            int answers = 40;
            for (int i = 0; i < answers; i++) {
                answer(i % 2 == 0 ? one : two, campaign, i % 11, "answer " + i);
            }
            waitFor(() -> receiver.calls.stream().map(WebhookReceiver.Call::id).distinct().count() >= answers);
            Thread.sleep(1500);
            Set<String> ids = new HashSet<>();
            for (WebhookReceiver.Call call : receiver.calls) {
                assertTrue(ids.add(call.id()), "delivered twice: " + call.id());
            }
            assertEquals(answers, receiver.calls.size());
        }
    }

    @Test
    void rulesAreValidatedListedAndDeleted() {
        try (TestServer server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(), fast())) {
            String campaign = campaign(server);
            String path = "/api/v1/campaigns/" + campaign + "/alert-rules";
            String key = "Bearer " + TestServer.ADMIN_KEY;
            Api.problem(server.postJson(path, "{\"from\": 7, \"to\": 3, \"email\": \"a@b.example\"}", "Authorization", key), 400);
            Api.problem(server.postJson(path, "{\"from\": 0, \"to\": 11, \"email\": \"a@b.example\"}", "Authorization", key), 400);
            Api.problem(server.postJson(path, "{\"from\": 0, \"to\": 6}", "Authorization", key), 400);
            Api.problem(server.postJson(path, "{\"from\": 0, \"to\": 6, \"email\": \"a@b.example\", "
                    + "\"webhookUrl\": \"https://x.example\"}", "Authorization", key), 400);
            Api.problem(server.postJson(path, "{\"from\": 0, \"to\": 6, \"webhookUrl\": \"ftp://x\"}", "Authorization", key), 400);
            Api.problem(server.postJson(path, "{\"from\": 0, \"to\": 6, \"email\": \"a@b.example\", \"format\": \"xml\"}",
                    "Authorization", key), 400);
            Api.problem(server.postJson(path, "{\"from\": 0, \"to\": 6, \"email\": \"a@b.example\"}"), 401);
            JsonNode rule = rule(server, campaign, "{\"from\": 0, \"to\": 6, \"webhookUrl\": \"https://hooks.example/x\", "
                    + "\"format\": \"teams\"}");
            JsonNode list = Api.json(server.getWithKey(path));
            assertEquals(1, list.size());
            assertEquals("teams", list.get(0).get("format").asText());
            String rulePath = path + "/" + rule.get("id").asText();
            var delete = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + rulePath)).DELETE();
            assertEquals(204, server.send(delete, "Authorization", key).statusCode());
            Api.problem(server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + rulePath))
                    .DELETE(), "Authorization", key), 404);
            assertEquals(0, Api.json(server.getWithKey(path)).size());
        }
    }

    static String campaign(TestServer server) {
        String id = "al-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = server.postJson("/api/v1/campaigns", """
                {"id": "%s", "name": "Alerts %s", "type": "NPS", "defaultLocale": "en",
                 "texts": {"en": {"question": "How likely are you to recommend Test Shop?"}}}""".formatted(id, id),
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    static JsonNode rule(TestServer server, String campaign, String body) {
        HttpResponse<String> created = server.postJson("/api/v1/campaigns/" + campaign + "/alert-rules", body,
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, created.statusCode(), created.body());
        return Api.json(created);
    }

    static String answer(TestServer server, String campaign, int score, String comment) {
        HttpResponse<String> response = server.postJson("/api/v1/responses", """
                {"campaign": "%s", "score": %d, "channel": "API", "idempotencyKey": "%s", "comment": %s}"""
                .formatted(campaign, score, UUID.randomUUID(), org.tapscore.server.web.Json.string(comment)),
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, response.statusCode(), response.body());
        return Api.json(response).get("id").asText();
    }

    static String expectedSignature(String secret, WebhookReceiver.Call call) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((call.id() + "." + call.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
        assertNotNull(call.timestamp());
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(call.body()));
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(50);
        }
    }

    /** Lets {@link Api#json} read a captured body. */
    private record FakeResponse(String body) implements HttpResponse<String> {
        public int statusCode() { return 200; }
        public java.net.http.HttpRequest request() { return null; }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true); }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public java.net.URI uri() { return null; }
        public java.net.http.HttpClient.Version version() { return java.net.http.HttpClient.Version.HTTP_1_1; }
    }
}
