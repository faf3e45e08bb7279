package org.tapscore.server.invitation;

import org.tapscore.server.mail.SmtpSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.tapscore.sdk.TapscoreClient;
import org.tapscore.server.Settings;
import org.tapscore.server.TapscoreServer;
import org.tapscore.server.db.DatabaseSettings;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real Tapscore server whose email goes to a local GreenMail SMTP server, with a fast-polling invitation
 * sender. Its public URL is its own address, so the links in emails lead back to it.
 */
final class InvitationServer implements AutoCloseable {
    static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");

    final TapscoreServer server;
    final String baseUrl;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private InvitationServer(TapscoreServer server, String baseUrl) {
        this.server = server;
        this.baseUrl = baseUrl;
    }

    static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    static InvitationServer start(DatabaseSettings database, Clock clock, GreenMail mail) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String base = "http://localhost:" + port;
            Settings settings = new Settings("127.0.0.1", port, Files.createTempDirectory("tapscore-inv"), database,
                    Optional.of(TestServer.ADMIN_KEY), base, 16 * 1024, 100_000, 50_000, false, "always")
                    .withDelivery(new SmtpSettings("127.0.0.1", mail.getSmtp().getPort(), "", "",
                                    "survey@tapscore.test", false),
                            new InvitationSettings("log", "", "", Duration.ofMillis(100)));
            return new InvitationServer(TapscoreServer.start(settings, clock), base);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    TapscoreClient sdk() {
        return TapscoreClient.builder().baseUrl(baseUrl).apiKey(TestServer.ADMIN_KEY)
                .timeout(Duration.ofSeconds(20)).maxRetries(0).build();
    }

    /** Creates a campaign from the JSON fields after {@code id} (e.g. name, type, journey, sending…). */
    String campaign(String prefix, String fields) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = postJson("/api/v1/campaigns", "{\"id\": \"" + id + "\", " + fields + "}",
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, created.statusCode(), created.body());
        return id;
    }

    String simpleCampaign(String prefix, String journey, int recontactDays) {
        return campaign(prefix, """
                "name": "Invite test", "type": "NPS", "journey": "%s", "recontactDays": %d, "defaultLocale": "en",
                "texts": {"en": {"question": "How likely are you to recommend Test Shop?"}}""".formatted(journey,
                recontactDays));
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path)).GET(),
                headers);
    }

    HttpResponse<String> head(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), headers);
    }

    HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    HttpResponse<String> withKey(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, headers);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every stored response of a campaign, through the listing API. */
    JsonNode responses(String campaign) {
        HttpResponse<String> list = withKey("GET", "/api/v1/responses?campaign=" + campaign + "&limit=1000", null);
        assertEquals(200, list.statusCode(), list.body());
        return Api.json(list).get("items");
    }

    /** The href values of an HTML document, with {@code &amp;} undone. */
    static List<String> links(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    /** The text of the part with the given content type in a multipart email. */
    static String part(MimeMessage message, String type) {
        try {
            Multipart multipart = (Multipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("no " + type + " part");
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
