package org.tapscore.server;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import org.tapscore.server.admin.AdminKeyBootstrap;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.DemoCampaigns;
import org.tapscore.server.contact.ImportApi;
import org.tapscore.server.db.Database;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.ErrorMapping;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/** A running Tapscore server: database, collaborators and the web server, started and stopped together. */
public final class TapscoreServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TapscoreServer.class.getName());
    /**
     * A backstop above the per-endpoint caps in RequestBodies; contact imports are the largest bodies the server
     * takes (streamed to a temporary file, never held in memory). The extra megabyte lets the admin upload form
     * (file plus fields) reach its own, clearer 413.
     */
    private static final long MAX_PAYLOAD_BYTES = ImportApi.MAX_FILE_BYTES + (1 << 20);

    private final Database db;
    private final Components components;
    private final WebServer webServer;
    private final Optional<String> generatedAdminKey;

    private TapscoreServer(Database db, Components components, WebServer webServer, Optional<String> generatedKey) {
        this.db = db;
        this.components = components;
        this.webServer = webServer;
        this.generatedAdminKey = generatedKey;
    }

    public static TapscoreServer start(Settings settings) {
        return start(settings, Clock.systemUTC());
    }

    public static TapscoreServer start(Settings settings, Clock clock) {
        Database db = Database.open(settings.database());
        try {
            Components components = new Components(settings, db, clock);
            seedDemo(settings, components);
            Optional<String> generatedKey = AdminKeyBootstrap.ensure(components.apiKeys(), settings.adminKey(),
                    settings.dataDir());
            ObserveFeature observe = ObserveFeature.just(
                    HealthObserver.builder()
                            .details(true)
                            // Disk and heap figures are nobody's business on a public port.
                            .useSystemServices(false)
                            .addCheck(() -> HealthCheckResponse.builder().status(db.isHealthy())
                                    .detail("database", db.isPostgres() ? "postgresql" : "h2").build(),
                                    HealthCheckType.READINESS, "database")
                            .build(),
                    MetricsObserver.create());
            WebServer webServer = WebServer.builder()
                    .host(settings.host())
                    .port(settings.port())
                    .maxPayloadSize(MAX_PAYLOAD_BYTES)
                    .directHandlers(ErrorMapping.transportErrors(path -> path.startsWith("/api/v1/imports")
                            || path.startsWith("/admin/contacts") ? ApiException.fileTooLarge(ImportApi.MAX_FILE_BYTES)
                            : ApiException.tooLarge(MAX_PAYLOAD_BYTES)))
                    // A client that stops sending for this long is dropped, so idle sockets cannot pile up.
                    .connectionOptions(options -> options.readTimeout(Duration.ofSeconds(10)))
                    .addFeature(observe)
                    .routing(routing -> Routes.routing(routing, components))
                    .build()
                    .start();
            components.invitationSender().start(settings.invitations().pollInterval()); // invitations
            components.stalledWaves().start(Duration.ofMinutes(1)); // waves a stopped node left half planned
            return new TapscoreServer(db, components, webServer, generatedKey);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static void seedDemo(Settings settings, Components components) {
        boolean seed = switch (settings.demoSeed()) {
            case "always" -> true;
            case "never" -> false;
            default -> settings.database().isEmbedded() && components.campaignRepository().isEmpty();
        };
        if (seed) {
            for (Campaign campaign : DemoCampaigns.all()) {
                components.campaignRepository().insert(campaign.withDefaults(), java.time.Instant.now());
            }
            LOG.fine("Demo campaigns are ready");
        }
    }

    public int port() {
        return webServer.port();
    }

    public Components components() {
        return components;
    }

    /** The admin key created by this start, to print once; empty when none was created. */
    public Optional<String> generatedAdminKey() {
        return generatedAdminKey;
    }

    @Override
    public void close() {
        webServer.stop();
        components.close();
        db.close();
    }
}
