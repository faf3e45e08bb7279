package org.tapscore.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientApiTest {
    ScriptedServer server;
    TapscoreClient client;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        client = TapscoreClient.builder().baseUrl(server.url() + "/").apiKey("tsk_live_1").maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void recordSendsExactlyTheContractFields() {
        RecordRequest request = RecordRequest.builder("after-order", 0)
                .comment("Too slow")
                .locale("da")
                .answeredAt(Instant.parse("2025-05-01T10:00:00Z"))
                .respondent(Respondent.of("cust-1").withEmail("a@example.com").withAttributes(Map.of("plan", "pro")))
                .build();

        RecordedResponse answer = client.record(request);

        ScriptedServer.Received sent = server.received.get(0);
        assertEquals("Bearer tsk_live_1", sent.header("Authorization"));
        assertTrue(sent.header("Content-Type").startsWith("application/json"));
        JsonNode body = sent.json();
        Set<String> fields = StreamSupport.stream(
                ((Iterable<String>) body::fieldNames).spliterator(), false).collect(Collectors.toSet());
        assertEquals(Set.of("campaign", "score", "channel", "idempotencyKey", "comment", "locale", "answeredAt",
                "respondent"), fields);
        assertEquals(0, body.path("score").asInt(), "0 is a real answer");
        assertEquals("SDK", body.path("channel").asText());
        assertEquals("2025-05-01T10:00:00Z", body.path("answeredAt").asText());
        assertEquals(Set.of("externalId", "email", "attributes"), StreamSupport.stream(
                ((Iterable<String>) body.path("respondent")::fieldNames).spliterator(), false)
                .collect(Collectors.toSet()));
        assertEquals(Category.DETRACTOR, answer.category());
        assertTrue(answer.editToken().startsWith("edit-"));
    }

    @Test
    void scoreOutsideZeroToTenFailsBeforeSending() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> client.record("after-order", 11));

        assertEquals("score", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("0 to 10"), e.getMessage());
        assertThrows(InvalidRequestException.class, () -> RecordRequest.builder("after-order", -1).build());
        assertThrows(InvalidRequestException.class, () -> RecordRequest.builder("After Order", 5).build());
        assertTrue(server.received.isEmpty());
    }

    @Test
    void attachCommentPatchesWithTheEditToken() {
        UUID id = UUID.randomUUID();
        server.route("PATCH /api/v1/responses/" + id, (s, exchange, request) -> ScriptedServer.send(exchange, 200,
                "application/json", "{\"id\":\"" + id + "\",\"campaign\":\"after-order\",\"score\":4,"
                        + "\"category\":\"detractor\",\"futureField\":true}"));

        RecordedResponse updated = client.attachComment(id, "edit-secret", "Parcel came late");

        ScriptedServer.Received sent = server.received.get(0);
        assertEquals("edit-secret", sent.header("X-Edit-Token"));
        assertEquals("{\"comment\":\"Parcel came late\"}", sent.body());
        assertEquals(id, updated.id());
    }

    @Test
    void triggerSendsDelayAsIsoDurationAndReadsTheInvitation() {
        server.route("POST /api/v1/invitations", (s, exchange, request) -> ScriptedServer.send(exchange, 201,
                "application/json", "{\"token\":\"t0k\",\"url\":\"https://t.example/r/t0k\",\"campaign\":\"after-order\","
                        + "\"channel\":\"SMS\",\"status\":\"SCHEDULED\",\"sendAt\":\"2025-05-04T10:00:00Z\","
                        + "\"expiresAt\":\"2025-06-04T10:00:00Z\",\"smsText\":\"How likely… https://t.example/r/t0k\","
                        + "\"qrSvg\":\"<svg/>\"}"));

        Invitation invitation = client.trigger(TriggerRequest.builder("after-order",
                Respondent.of("cust-7").withPhone("+4512345678").withName("Bo"), Channel.SMS)
                .delay(Duration.ofDays(3)).build());

        JsonNode body = server.received.get(0).json();
        assertEquals("P3D", body.path("delay").asText());
        assertEquals("SMS", body.path("channel").asText());
        assertEquals("+4512345678", body.path("respondent").path("phone").asText());
        assertFalse(body.has("sendAt"));
        assertEquals(Instant.parse("2025-06-04T10:00:00Z"), invitation.expiresAt());
        assertEquals("https://t.example/r/t0k", invitation.url().toString());
        assertEquals("<svg/>", invitation.qrSvg());
        assertNull(invitation.emailHtml());
        assertThrows(InvalidRequestException.class,
                () -> TriggerRequest.builder("after-order", Respondent.of("c"), Channel.KIOSK).build());
        assertEquals("PT1H30M", TriggerRequest.isoDuration(Duration.ofMinutes(90)));
    }

    @Test
    void summaryPassesThePeriodAndReadsTheNumbers() {
        server.route("GET /api/v1/campaigns/after-order/summary", (s, exchange, request) -> ScriptedServer.send(
                exchange, 200, "application/json", "{\"campaign\":\"after-order\",\"type\":\"NPS\",\"responses\":10,"
                        + "\"promoters\":5,\"passives\":3,\"detractors\":2,\"nps\":30.0,\"average\":7.9,"
                        + "\"distribution\":[0,0,1,0,0,0,1,2,1,3,2],\"from\":\"2025-05-01\",\"to\":\"2025-05-31\","
                        + "\"tz\":\"Europe/Copenhagen\"}"));

        Summary summary = client.summary("after-order", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31),
                ZoneId.of("Europe/Copenhagen"));

        assertEquals("from=2025-05-01&to=2025-05-31&tz=Europe%2FCopenhagen", server.received.get(0).query());
        assertEquals(30.0, summary.nps());
        assertEquals(11, summary.distribution().size());
        assertEquals(ZoneId.of("Europe/Copenhagen"), summary.tz());
        assertEquals(CampaignType.NPS, summary.type());
    }

    @Test
    void responsesWalksThreePagesLazily() {
        server.route("GET /api/v1/responses", (s, exchange, request) -> {
            String query = request.query();
            String page = query.contains("cursor=c2") ? "3" : query.contains("cursor=c1") ? "2" : "1";
            String next = page.equals("1") ? "\"c1\"" : page.equals("2") ? "\"c2\"" : "null";
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 2; i++) {
                items.append(i == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID())
                        .append("\",\"campaign\":\"after-order\",\"score\":").append(page)
                        .append(",\"category\":\"detractor\",\"channel\":\"KIOSK\",\"comment\":\"p").append(page)
                        .append("\",\"respondent\":").append(i == 0 ? "{\"externalId\":\"c-" + page + "\"}" : "null")
                        .append('}');
            }
            ScriptedServer.send(exchange, 200, "application/json",
                    "{\"items\":[" + items + "],\"nextCursor\":" + next + "}");
        });

        PagedResponses all = client.responses("after-order", 2);
        assertTrue(server.received.isEmpty(), "nothing is fetched before iterating");

        Iterator<Response> it = all.iterator();
        assertEquals("p1", it.next().comment());
        assertEquals(1, server.received.size());
        it.next();
        assertEquals(1, server.received.size(), "the second item comes from the first page");
        assertEquals("p2", it.next().comment());
        assertEquals(2, server.received.size());
        assertEquals("campaign=after-order&limit=2&cursor=c1", server.received.get(1).query());

        List<Response> streamed = all.stream().toList();
        assertEquals(6, streamed.size());
        assertEquals(List.of(1, 1, 2, 2, 3, 3), streamed.stream().map(Response::score).toList());
        assertEquals("c-3", streamed.get(4).respondent().externalId());
        assertNull(streamed.get(5).respondent());
        assertEquals(Channel.KIOSK, streamed.get(0).channel());
        assertEquals(5, server.received.size(), "1 page before, then 3 for the stream (and nothing more)");
    }

    @Test
    void respondentProfileAndErasureUseTheEncodedExternalId() {
        server.route("GET /api/v1/respondents/acme 42/x", (s, exchange, request) -> ScriptedServer.send(exchange, 200,
                "application/json", "{\"externalId\":\"acme 42/x\",\"email\":\"e@acme.example\",\"averageScore\":8.5,"
                        + "\"attributes\":{\"tier\":\"gold\"},\"responses\":[{\"id\":\"" + UUID.randomUUID()
                        + "\",\"campaign\":\"after-order\",\"score\":8,\"category\":\"passive\",\"channel\":\"EMAIL\"},"
                        + "{\"id\":\"" + UUID.randomUUID() + "\",\"campaign\":\"after-order\",\"score\":9,"
                        + "\"category\":\"promoter\",\"channel\":\"NEW_CHANNEL\"}]}"));
        server.route("DELETE /api/v1/respondents/acme 42/x",
                (s, exchange, request) -> ScriptedServer.send(exchange, 204, null, null));

        RespondentProfile profile = client.respondent("acme 42/x");
        client.eraseRespondent("acme 42/x");

        assertEquals(8.5, profile.averageScore());
        assertEquals("gold", profile.attributes().get("tier"));
        assertEquals(2, profile.responses().size());
        assertEquals(Category.PASSIVE, profile.responses().get(0).category());
        assertNull(profile.responses().get(1).channel(), "an enum value from a newer server does not break reading");
        assertEquals("DELETE", server.received.get(1).method());
    }

    @Test
    void asyncCallsCompleteWithTheResultOrTheException() {
        RecordedResponse answer = client.recordAsync(RecordRequest.builder("after-order", 8).build()).join();
        assertEquals(Category.PASSIVE, answer.category());

        server.then(ScriptedServer.problem(404, "not_found", "no such respondent"));
        CompletionException e = assertThrows(CompletionException.class, () -> client.respondentAsync("nobody").join());
        assertInstanceOf(NotFoundException.class, e.getCause());
    }

    @Test
    void clientIsSafeToShareBetweenThreads() throws Exception {
        List<java.util.concurrent.CompletableFuture<RecordedResponse>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(client.recordAsync(RecordRequest.builder("after-order", i % 11).build()));
        }
        Set<UUID> ids = calls.stream().map(java.util.concurrent.CompletableFuture::join).map(RecordedResponse::id)
                .collect(Collectors.toSet());
        assertEquals(40, ids.size());
        assertEquals(40, server.stored.size());
    }

    @Test
    void buildFailsFastSayingWhatToDo() {
        IllegalStateException noKey = assertThrows(IllegalStateException.class,
                () -> TapscoreClient.builder().baseUrl("https://tapscore.example.com").build());
        assertEquals("apiKey is missing: pass the key from Admin → API keys", noKey.getMessage());

        IllegalStateException noUrl = assertThrows(IllegalStateException.class,
                () -> TapscoreClient.builder().apiKey("k").build());
        assertTrue(noUrl.getMessage().startsWith("baseUrl is missing"), noUrl.getMessage());

        assertThrows(IllegalStateException.class,
                () -> TapscoreClient.builder().baseUrl("ftp://x").apiKey("k").build());
        assertThrows(IllegalStateException.class,
                () -> TapscoreClient.builder().baseUrl("https://x").apiKey("k").maxRetries(-1).build());
        assertThrows(IllegalStateException.class,
                () -> TapscoreClient.builder().baseUrl("https://x").apiKey("k").timeout(Duration.ZERO).build());
    }

    @Test
    void nonProblemErrorBodiesStillGiveAUsefulException() {
        server.then((s, exchange, request) -> ScriptedServer.send(exchange, 502, "text/html", "<h1>Bad gateway</h1>"));

        ServerException e = assertThrows(ServerException.class, () -> client.record("after-order", 9));

        assertEquals(502, e.status());
        assertEquals("<h1>Bad gateway</h1>", e.detail());
        assertNull(e.code());
    }
}
