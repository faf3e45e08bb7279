package org.tapscore.server.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wave to 1,001 imported respondents at 400 per hour reaches the mail server at that rate and no faster;
 * respondents inside their fatigue window (this campaign's recontactDays, or another relationship survey
 * within the relationship gap) and one without an email address are skipped, listed with the reason, and get
 * no wave mail. On H2 with 1,000 addresses; on PostgreSQL the same with 100 at 40 per hour, because delivering
 * a thousand mails to GreenMail takes about a minute and a half on a busy two-core machine.
 */
class WaveThrottleTest {
    private static final Instant SUNDAY = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");

    static Stream<Arguments> sizes() {
        return Stream.of(Arguments.of(TestDatabases.Kind.H2, 1000, 400),
                Arguments.of(TestDatabases.Kind.POSTGRES, 100, 40));
    }

    @ParameterizedTest(name = "{0}: {1} addresses at {2} per hour")
    @MethodSource("sizes")
    void recipientsArriveAtTheConfiguredRateAndTiredOnesAreSkipped(TestDatabases.Kind kind, int size, int rate)
            throws Exception {
        int invited = size - 10;
        long interval = 3600 / rate;
        MutableClock clock = new MutableClock(SUNDAY);
        GreenMail mail = InvitationServer.startMail();
        try (InvitationServer server = InvitationServer.start(TestDatabases.create(kind), clock, mail)) {
            importRespondents(server, size);
            String campaign = server.simpleCampaign("wave", "RELATIONSHIP", 30);
            String other = server.simpleCampaign("other", "RELATIONSHIP", 30);
            // A day before the wave: five were asked this campaign, five another relationship survey.
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> r = server.withKey("POST", "/api/v1/invitations", """
                        {"campaign": "%s", "respondent": {"externalId": "r-%04d"}, "channel": "EMAIL"}"""
                        .formatted(i < 5 ? campaign : other, i));
                assertEquals(201, r.statusCode(), r.body());
            }
            awaitTotal(mail, 10);

            clock.set(MONDAY);
            HttpResponse<String> created = server.withKey("POST", "/api/v1/waves", """
                    {"campaign": "%s", "channel": "EMAIL", "name": "Spring", "ratePerHour": %d}""".formatted(campaign, rate),
                    "Idempotency-Key", "spring-" + kind);
            assertEquals(201, created.statusCode(), created.body());
            JsonNode wave = Api.json(created);
            String id = wave.get("id").asText();
            assertEquals(invited, wave.get("invited").asLong(), wave.toString());
            assertEquals(11, wave.get("skipped").asLong());
            assertEquals(5, wave.at("/skipReasons/recontact").asLong());
            assertEquals(5, wave.at("/skipReasons/relationship").asLong());
            assertEquals(1, wave.at("/skipReasons/no-email").asLong());
            // One every 3600 / rate seconds: the last one (invited - 1) intervals after the start.
            assertEquals(MONDAY.plusSeconds((invited - 1) * interval).toString(), wave.get("lastSendAt").asText());

            // The same key again: the same wave, nothing new.
            HttpResponse<String> again = server.withKey("POST", "/api/v1/waves", """
                    {"campaign": "%s", "channel": "EMAIL", "ratePerHour": 400}""".formatted(campaign),
                    "Idempotency-Key", "spring-" + kind);
            assertEquals(200, again.statusCode(), again.body());
            assertEquals(id, Api.json(again).get("id").asText());

            awaitTotal(mail, 11); // the first slot is now
            clock.advance(Duration.ofHours(1));
            // Slots at 0, 1, …, rate intervals are due: rate + 1 (the rate, plus the one on the boundary).
            awaitTotal(mail, 10 + rate + 1);
            clock.advance(Duration.ofHours(2));
            awaitTotal(mail, 10 + invited);

            Map<String, Integer> perRecipient = perRecipient(mail);
            for (int i = 0; i < 10; i++) {
                assertEquals(1, perRecipient.get("r-%04d@wave.test".formatted(i)), "only the earlier invitation");
            }
            assertEquals(1, perRecipient.get("r-0010@wave.test"));
            assertEquals(1, perRecipient.get("r-%04d@wave.test".formatted(size - 1)));

            JsonNode skipped = Api.json(server.withKey("GET", "/api/v1/waves/" + id + "/skipped", null)).get("items");
            assertEquals(11, skipped.size());
            Map<String, JsonNode> byId = new HashMap<>();
            skipped.forEach(s -> byId.put(s.get("externalId").asText(), s));
            assertEquals("recontact", byId.get("r-0002").get("reason").asText());
            assertEquals(SUNDAY.plus(Duration.ofDays(30)).toString(), byId.get("r-0002").get("nextAllowedAt").asText());
            assertEquals("relationship", byId.get("r-0007").get("reason").asText());
            assertEquals(SUNDAY.plus(Duration.ofDays(90)).toString(), byId.get("r-0007").get("nextAllowedAt").asText());
            assertTrue(byId.get("r-0007").get("detail").asText().contains("90 days"), byId.get("r-0007").toString());
            assertEquals("no-email", byId.get("r-%04d".formatted(size)).get("reason").asText());

            JsonNode report = Api.json(server.withKey("GET", "/api/v1/waves/" + id, null));
            assertEquals(invited, report.get("sent").asLong(), report.toString());
            assertEquals(0, report.get("queued").asLong());
            assertEquals("done", report.get("status").asText());
        } finally {
            mail.stop();
        }
    }

    private static void importRespondents(InvitationServer server, int size) {
        StringBuilder csv = new StringBuilder("externalId,email,phone,company\n");
        for (int i = 0; i < size; i++) {
            csv.append("r-%04d,r-%04d@wave.test,,Acme\n".formatted(i, i));
        }
        csv.append("r-%04d,,+4512345678,Acme\n".formatted(size));
        HttpResponse<String> imported = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl + "/api/v1/imports"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)));
        assertEquals(200, imported.statusCode(), imported.body());
    }

    /** Waits until exactly {@code total} mails have arrived, then makes sure no more follow. */
    static void awaitTotal(GreenMail mail, int total) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (mail.getReceivedMessages().length < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(total, mail.getReceivedMessages().length, "mails so far");
        Thread.sleep(700); // several sender polls: nothing beyond the due ones may come
        assertEquals(total, mail.getReceivedMessages().length, "no mail before its time");
    }

    static Map<String, Integer> perRecipient(GreenMail mail) throws MessagingException {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            for (Address to : message.getAllRecipients()) {
                counts.merge(to.toString(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
