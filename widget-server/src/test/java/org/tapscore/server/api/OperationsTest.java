package org.tapscore.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tapscore.server.Settings;
import org.tapscore.server.TapscoreServer;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health, metrics, limits, headers and the first-start admin key. */
class OperationsTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        // A tight public write limit: 10 a minute, bursts of 5.
        server = TestServer.start(TestDatabases.h2(), 10, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthIncludesTheDatabase() {
        HttpResponse<String> health = server.get("/observe/health");
        assertEquals(200, health.statusCode(), health.body());
        JsonNode body = Api.json(health);
        assertEquals("UP", body.get("status").asText());
        boolean database = false;
        for (JsonNode check : body.get("checks")) {
            database |= check.get("name").asText().equals("database") && check.get("status").asText().equals("UP");
        }
        assertTrue(database, body.toString());
    }

    @Test
    void everyMigrationRanIncludingTheJavaBackfill() throws Exception {
        java.util.Set<String> versions = new java.util.HashSet<>();
        try (var c = server.server().components().db().connection();
             var rs = c.createStatement().executeQuery("select version, success from flyway_schema_history")) {
            while (rs.next()) {
                assertTrue(rs.getBoolean(2));
                versions.add(rs.getString(1));
            }
        }
        assertTrue(versions.containsAll(java.util.List.of("1", "10", "11")), versions.toString());
    }

    @Test
    void metricsAreExposed() {
        HttpResponse<String> metrics = server.get("/observe/metrics");
        assertEquals(200, metrics.statusCode());
        assertFalse(metrics.body().isBlank());
    }

    @Test
    void publicWritesAreRateLimitedPerAddressWithRetryAfter() {
        int refused = 0;
        String retryAfter = null;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> response = server.postJson("/api/v1/responses", """
                    {"campaign": "service", "score": 7, "channel": "API", "idempotencyKey": "%s"}"""
                    .formatted(UUID.randomUUID()));
            if (response.statusCode() == 429) {
                refused++;
                retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                Api.problem(response, 429);
            }
        }
        assertTrue(refused >= 3, "refused " + refused);
        assertTrue(retryAfter != null && Integer.parseInt(retryAfter) >= 1, "Retry-After " + retryAfter);
        assertEquals(201, server.postJson("/api/v1/responses", """
                {"campaign": "service", "score": 7, "channel": "API", "idempotencyKey": "%s"}"""
                .formatted(UUID.randomUUID()), "Authorization", "Bearer " + TestServer.ADMIN_KEY).statusCode(),
                "API key holders are not limited by address");
    }

    @Test
    void viewsSendASecurityPolicyAndNoStackTraces() {
        HttpResponse<String> page = server.get("/embed/demo");
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("frame-ancestors *"), csp);
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));

        HttpResponse<String> missing = server.get("/s/no-such-campaign", "Accept", "text/html");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(missing.body().contains("does not exist"), missing.body());
        Api.problem(server.get("/s/no-such-campaign", "Accept", "application/json"), 404);
    }

    @Test
    void aNewDataFolderGetsAnAdminKeyOnceAndItWorks() throws Exception {
        Path dataDir = Files.createTempDirectory("tapscore-first-start");
        Settings settings = new Settings("127.0.0.1", 0, dataDir, TestDatabases.h2(), Optional.empty(), "",
                16 * 1024, 100, 50, false, "auto");
        String key;
        try (TapscoreServer first = TapscoreServer.start(settings)) {
            key = first.generatedAdminKey().orElseThrow();
            assertEquals(key, Files.readString(dataDir.resolve("admin-key.txt")).strip());
            HttpResponse<String> summary = server.http().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + first.port() + "/api/v1/campaigns/demo/summary"))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, summary.statusCode(), "the printed key works and the embedded default has the demo");
        }
    }

    @Test
    void environmentOverridesTheConfigurationFile() {
        Settings settings = Settings.load(Config.create(), Map.of("TAPSCORE_PORT", "9123",
                "TAPSCORE_DATA_DIR", "/tmp/x", "TAPSCORE_PUBLIC_URL", "https://nps.example/",
                "TAPSCORE_DB_URL", "jdbc:postgresql://db/tapscore", "TAPSCORE_DB_USER", "ts"));
        assertEquals(9123, settings.port());
        assertEquals(Path.of("/tmp/x"), settings.dataDir());
        assertEquals("https://nps.example", settings.publicUrl());
        assertEquals("jdbc:postgresql://db/tapscore", settings.database().url());
        assertEquals("ts", settings.database().user());
        Settings defaults = Settings.load(Config.create(), Map.of());
        assertEquals(8080, defaults.port());
        assertTrue(defaults.database().url().startsWith("jdbc:h2:file:"), defaults.database().url());
        assertEquals("http://localhost:8080", defaults.publicUrl());
    }
}
