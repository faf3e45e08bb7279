package org.tapscore.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tapscore.server.Settings;
import org.tapscore.server.TapscoreServer;
import org.tapscore.server.db.DatabaseSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real widget-server in the test JVM on a fixed port over an H2 database that outlives it, so a test can stop
 * the server and start it again as if the shop's connection came back.
 */
final class LiveServer implements AutoCloseable {
    static final String KEY = "tsk_kiosk_test_admin_key_0123456789abcdefghij";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatabaseSettings db;
    private final int port;
    private final int writesPerMinute;
    private final int burst;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TapscoreServer server;

    LiveServer(int writesPerMinute, int burst) throws IOException {
        this.db = new DatabaseSettings("jdbc:h2:mem:k" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa", "", 5, null, 5_000);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        this.writesPerMinute = writesPerMinute;
        this.burst = burst;
        start();
    }

    void start() throws IOException {
        Settings settings = new Settings("127.0.0.1", port, Files.createTempDirectory("kiosk-server"), db,
                Optional.of(KEY), "", 16 * 1024, writesPerMinute, burst, false, "always");
        server = TapscoreServer.start(settings);
    }

    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String campaign(String kioskJson) {
        String id = "r-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> res = post("/api/v1/campaigns", """
                {"id": "%s", "name": "Runtime %s", "type": "NPS", "defaultLocale": "en",
                 "texts": {"en": {"question": "How likely are you to recommend Test Shop?",
                                  "followUp": {"promoter": "What did you love?"}}}, "kiosk": %s}"""
                .formatted(id, id, kioskJson));
        assertEquals(201, res.statusCode(), res.body());
        return id;
    }

    JsonNode device(String campaign, String location) {
        HttpResponse<String> res = post("/api/v1/devices", """
                {"name": "Stand", "location": "%s", "campaign": "%s"}""".formatted(location, campaign));
        assertEquals(201, res.statusCode(), res.body());
        return json(res.body());
    }

    JsonNode responses(String campaign) {
        return json(get("/api/v1/responses?campaign=" + campaign + "&limit=1000").body()).get("items");
    }

    JsonNode devices(String campaign) {
        return json(get("/api/v1/devices?campaign=" + campaign).body()).get("items");
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
