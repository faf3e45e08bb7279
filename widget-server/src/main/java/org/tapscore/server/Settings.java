package org.tapscore.server;

import io.helidon.config.Config;
import org.tapscore.server.admin.AdminSettings;
import org.tapscore.server.db.DatabaseSettings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server can be told, read from {@code application.yaml} and overridden by {@code TAPSCORE_*}
 * environment variables (the names in the README's configuration table).
 *
 * @param publicUrl the address printed into links, QR codes and emails
 * @param demoSeed  {@code auto} seeds the demo campaigns into a new embedded database only
 */
public record Settings(String host,
                       int port,
                       Path dataDir,
                       DatabaseSettings database,
                       Optional<String> adminKey,
                       String publicUrl,
                       int maxBodyBytes,
                       int publicWritesPerMinute,
                       int publicWritesBurst,
                       boolean trustProxy,
                       String demoSeed,
                       // admin: users, dashboards, alerts
                       AdminSettings admin) {

    /** Settings with the admin side's defaults. */
    public Settings(String host, int port, Path dataDir, DatabaseSettings database, Optional<String> adminKey,
                    String publicUrl, int maxBodyBytes, int publicWritesPerMinute, int publicWritesBurst,
                    boolean trustProxy, String demoSeed) {
        this(host, port, dataDir, database, adminKey, publicUrl, maxBodyBytes, publicWritesPerMinute,
                publicWritesBurst, trustProxy, demoSeed, AdminSettings.defaults());
    }

    /** A copy with other admin settings. */
    public Settings withAdmin(AdminSettings newAdmin) {
        return new Settings(host, port, dataDir, database, adminKey, publicUrl, maxBodyBytes, publicWritesPerMinute,
                publicWritesBurst, trustProxy, demoSeed, newAdmin);
    }

    public static Settings load(Config config, Map<String, String> env) {
        Config t = config.get("tapscore");
        int port = Integer.parseInt(value(env, "TAPSCORE_PORT", t.get("port").asString().orElse("8080")));
        Path dataDir = Path.of(value(env, "TAPSCORE_DATA_DIR", t.get("data-dir").asString().orElse("./data")));
        String dbUrl = value(env, "TAPSCORE_DB_URL", t.get("db.url").asString().orElse(""));
        if (dbUrl.isBlank()) {
            dbUrl = DatabaseSettings.embeddedUrl(dataDir);
        }
        DatabaseSettings database = new DatabaseSettings(dbUrl,
                value(env, "TAPSCORE_DB_USER", t.get("db.user").asString().orElse("sa")),
                value(env, "TAPSCORE_DB_PASSWORD", t.get("db.password").asString().orElse("")),
                Integer.parseInt(value(env, "TAPSCORE_DB_POOL_SIZE", t.get("db.pool-size").asString().orElse("10"))),
                emptyToNull(value(env, "TAPSCORE_DB_SCHEMA", t.get("db.schema").asString().orElse(""))),
                10_000);
        String host = value(env, "TAPSCORE_HOST", t.get("host").asString().orElse("0.0.0.0"));
        String publicUrl = value(env, "TAPSCORE_PUBLIC_URL", t.get("public-url").asString().orElse(""));
        if (publicUrl.isBlank()) {
            publicUrl = "http://localhost:" + port;
        }
        return new Settings(host, port, dataDir, database,
                Optional.ofNullable(emptyToNull(value(env, "TAPSCORE_ADMIN_KEY", t.get("admin-key").asString().orElse("")))),
                stripSlash(publicUrl),
                t.get("limits.max-body-bytes").asInt().orElse(16 * 1024),
                Integer.parseInt(value(env, "TAPSCORE_RATE_PER_MINUTE", t.get("limits.public-writes-per-minute").asString().orElse("120"))),
                t.get("limits.public-writes-burst").asInt().orElse(60),
                Boolean.parseBoolean(value(env, "TAPSCORE_TRUST_PROXY", t.get("trust-proxy").asString().orElse("false"))),
                value(env, "TAPSCORE_DEMO", t.get("demo.seed").asString().orElse("auto")),
                AdminSettings.load(config, env));
    }

    /** A copy that listens on another port (0 picks a free one; tests use that). */
    public Settings withPort(int newPort) {
        return new Settings(host, newPort, dataDir, database, adminKey, publicUrl, maxBodyBytes,
                publicWritesPerMinute, publicWritesBurst, trustProxy, demoSeed, admin);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
