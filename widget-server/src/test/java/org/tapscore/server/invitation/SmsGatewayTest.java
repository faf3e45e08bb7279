package org.tapscore.server.invitation;

import org.tapscore.server.mail.SmtpSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.tapscore.sdk.Channel;
import org.tapscore.sdk.Invitation;
import org.tapscore.sdk.Respondent;
import org.tapscore.sdk.TapscoreClient;
import org.tapscore.sdk.TriggerRequest;
import org.tapscore.server.Settings;
import org.tapscore.server.TapscoreServer;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SMS invitations through the generic HTTP gateway: JSON {to, text} with a bearer token, retried on 5xx. */
class SmsGatewayTest {

    @Test
    void smsGoesToTheGatewayAndA503IsRetried() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> auth = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/send", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 202, -1);
            exchange.close();
        });
        gateway.start();
        MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Settings settings = new Settings("127.0.0.1", port, Files.createTempDirectory("tapscore-sms"),
                TestDatabases.h2(), Optional.of(TestServer.ADMIN_KEY), "http://localhost:" + port, 16 * 1024, 1000,
                500, false, "always")
                .withDelivery(SmtpSettings.NONE, new InvitationSettings("http",
                        "http://127.0.0.1:" + gateway.getAddress().getPort() + "/send", "sms-secret",
                        Duration.ofMillis(100)));
        try (TapscoreServer server = TapscoreServer.start(settings, clock)) {
            TapscoreClient client = TapscoreClient.builder().baseUrl("http://localhost:" + port)
                    .apiKey(TestServer.ADMIN_KEY).maxRetries(0).build();
            HttpClient http = HttpClient.newHttpClient();
            String campaign = "sms-" + System.nanoTime();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/campaigns"))
                    .header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"id": "%s", "name": "SMS", "type": "NPS", "texts": {"en": {"question": "Recommend us?"}}}"""
                            .formatted(campaign))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            Invitation invitation = client.trigger(TriggerRequest.builder(campaign,
                    Respondent.of("sms-1").withPhone("+4512345678"), Channel.SMS).build());
            assertTrue(invitation.smsText().endsWith(invitation.url().toString()), invitation.smsText());

            awaitCalls(calls, 1);
            Thread.sleep(400);
            assertEquals(1, calls.get(), "the retry waits for its backoff");
            clock.advance(Duration.ofSeconds(30));
            awaitCalls(calls, 2);
            Thread.sleep(400);
            assertEquals(2, calls.get(), "sent once it was accepted");

            JsonNode body = new ObjectMapper().readTree(bodies.get(1));
            assertEquals("+4512345678", body.get("to").asText());
            assertEquals(invitation.smsText(), body.get("text").asText());
            assertEquals("Bearer sms-secret", auth.get(1));
        } finally {
            gateway.stop(0);
        }
    }

    private static void awaitCalls(AtomicInteger calls, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (calls.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(expected, calls.get());
    }
}
