package org.tapscore.server.support;

import org.tapscore.server.Settings;
import org.tapscore.server.TapscoreServer;
import org.tapscore.server.db.DatabaseSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** A real Tapscore server on a free port, with a known admin key and the demo campaigns. */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_KEY = "tsk_test_admin_key_0123456789abcdefghijklmnop";

    private final TapscoreServer server;
    private final DatabaseSettings database;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(TapscoreServer server, DatabaseSettings database) {
        this.server = server;
        this.database = database;
    }

    public static TestServer start(TestDatabases.Kind kind) {
        return start(TestDatabases.create(kind), 10_000, Clock.systemUTC());
    }

    public static TestServer start(DatabaseSettings database, int writesPerMinute, Clock clock) {
        return start(database, writesPerMinute, clock, org.tapscore.server.admin.AdminSettings.defaults());
    }

    /** A server with the given admin settings (first admin user, alert timings). */
    public static TestServer start(DatabaseSettings database, int writesPerMinute, Clock clock,
                                   org.tapscore.server.admin.AdminSettings admin) {
        return start(database, writesPerMinute, clock, admin, org.tapscore.server.mail.SmtpSettings.NONE);
    }

    /** A server with the given admin settings and outgoing mail (tests point it at GreenMail). */
    public static TestServer start(DatabaseSettings database, int writesPerMinute, Clock clock,
                                   org.tapscore.server.admin.AdminSettings admin,
                                   org.tapscore.server.mail.SmtpSettings smtp) {
        try {
            Path dataDir = Files.createTempDirectory("tapscore-test");
            Settings settings = new Settings("127.0.0.1", 0, dataDir, database, Optional.of(ADMIN_KEY),
                    "", 16 * 1024, writesPerMinute, Math.max(5, writesPerMinute / 2), false, "always")
                    .withAdmin(admin)
                    .withDelivery(smtp, org.tapscore.server.invitation.InvitationSettings.DEFAULT);
            return new TestServer(TapscoreServer.start(settings, clock), database);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A server on a fixed port over an existing database: stop one and start another with the same port and
     * database, and browsers see the same origin come back (kiosk offline tests).
     */
    public static TestServer startOn(DatabaseSettings database, int port) {
        try {
            Path dataDir = Files.createTempDirectory("tapscore-test");
            Settings settings = new Settings("127.0.0.1", port, dataDir, database, Optional.of(ADMIN_KEY),
                    "", 16 * 1024, 10_000, 5_000, false, "always");
            return new TestServer(TapscoreServer.start(settings, Clock.systemUTC()), database);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server and keeps its database (unlike {@link #close()}, which drops a PostgreSQL schema). */
    public void stop() {
        server.close();
    }

    public String baseUrl() {
        return "http://localhost:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public TapscoreServer server() {
        return server;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), headers);
    }

    public HttpResponse<String> getWithKey(String path) {
        return get(path, "Authorization", "Bearer " + ADMIN_KEY);
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
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

    public HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        server.close();
        TestDatabases.drop(database);
    }
}
