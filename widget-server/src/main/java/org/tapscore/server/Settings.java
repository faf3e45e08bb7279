package org.tapscore.server;

import io.helidon.config.Config;
import org.tapscore.server.admin.AdminSettings;
import org.tapscore.server.db.DatabaseSettings;
import org.tapscore.server.mail.SmtpSettings;
import org.tapscore.server.invitation.InvitationSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server can be told, read from {@code application.yaml} and overridden by {@code TAPSCORE_*}
 * environment variables (the names in the README's configuration table).
 *
 * @param publicUrl the address printed into links, QR codes and emails
 * @param demoSeed  {@code auto} seeds the demo campaigns into a new embedded database only
 * @param smtp      outgoing email ({@code TAPSCORE_SMTP_*})
 * @param invitations SMS gateway and the invitation sender's polling interval
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
                       SmtpSettings smtp,
                       InvitationSettings invitations,
                       AdminSettings admin) {

    /** Settings without email or SMS delivery configured and the admin side's defaults (tests, embedding). */
    public Settings(String host, int port, Path dataDir, DatabaseSettings database, Optional<String> adminKey,
                    String publicUrl, int maxBodyBytes, int publicWritesPerMinute, int publicWritesBurst,
                    boolean trustProxy, String demoSeed) {
        this(host, port, dataDir, database, adminKey, publicUrl, maxBodyBytes, publicWritesPerMinute,
                publicWritesBurst, trustProxy, demoSeed, SmtpSettings.NONE, InvitationSettings.DEFAULT,
                AdminSettings.defaults());
    }

    /** A copy with other admin settings. */
    public Settings withAdmin(AdminSettings newAdmin) {
        return new Settings(host, port, dataDir, database, adminKey, publicUrl, maxBodyBytes, publicWritesPerMinute,
                publicWritesBurst, trustProxy, demoSeed, smtp, invitations, newAdmin);
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
                Integer.parseInt(value(env, "TAPSCORE_RATE_BURST", t.get("limits.public-writes-burst").asString().orElse("60"))),
                Boolean.parseBoolean(value(env, "TAPSCORE_TRUST_PROXY", t.get("trust-proxy").asString().orElse("false"))),
                value(env, "TAPSCORE_DEMO", t.get("demo.seed").asString().orElse("auto")),
                smtp(t, env), invitations(t, env), AdminSettings.load(config, env));
    }

    // ---- invitations: email and SMS delivery ----
    private static SmtpSettings smtp(Config t, Map<String, String> env) {
        return new SmtpSettings(
                value(env, "TAPSCORE_SMTP_HOST", t.get("smtp.host").asString().orElse("")),
                Integer.parseInt(value(env, "TAPSCORE_SMTP_PORT", t.get("smtp.port").asString().orElse("587"))),
                value(env, "TAPSCORE_SMTP_USER", t.get("smtp.user").asString().orElse("")),
                value(env, "TAPSCORE_SMTP_PASSWORD", t.get("smtp.password").asString().orElse("")),
                value(env, "TAPSCORE_SMTP_FROM", t.get("smtp.from").asString().orElse("tapscore@localhost")),
                Boolean.parseBoolean(value(env, "TAPSCORE_SMTP_STARTTLS",
                        t.get("smtp.starttls").asString().orElse("true"))));
    }

    private static InvitationSettings invitations(Config t, Map<String, String> env) {
        return new InvitationSettings(
                value(env, "TAPSCORE_SMS_GATEWAY", t.get("sms.gateway").asString().orElse("log")),
                value(env, "TAPSCORE_SMS_URL", t.get("sms.url").asString().orElse("")),
                value(env, "TAPSCORE_SMS_TOKEN", t.get("sms.token").asString().orElse("")),
                Duration.ofMillis(Long.parseLong(value(env, "TAPSCORE_INVITATIONS_POLL",
                        t.get("invitations.poll-millis").asString().orElse("5000")))),
                Integer.parseInt(value(env, "TAPSCORE_RELATIONSHIP_DAYS",
                        t.get("invitations.relationship-days").asString().orElse("90"))));
    }

    /** A copy with email and SMS delivery set (tests point it at a local SMTP server). */
    public Settings withDelivery(SmtpSettings newSmtp, InvitationSettings newInvitations) {
        return new Settings(host, port, dataDir, database, adminKey, publicUrl, maxBodyBytes,
                publicWritesPerMinute, publicWritesBurst, trustProxy, demoSeed, newSmtp, newInvitations, admin);
    }
    // ---- /invitations ----

    /** A copy that listens on another port (0 picks a free one; tests use that). */
    public Settings withPort(int newPort) {
        return new Settings(host, newPort, dataDir, database, adminKey, publicUrl, maxBodyBytes,
                publicWritesPerMinute, publicWritesBurst, trustProxy, demoSeed, smtp, invitations, admin);
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
