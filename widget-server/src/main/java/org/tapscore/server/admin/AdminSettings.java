package org.tapscore.server.admin;

import io.helidon.config.Config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the admin side: the first admin user, the default time zone of dashboards, alert delivery and the
 * SMTP server alerts are mailed through.
 *
 * @param adminEmail     {@code TAPSCORE_ADMIN_EMAIL}: the first admin user, created at start when missing
 * @param adminPassword  {@code TAPSCORE_ADMIN_PASSWORD}
 * @param defaultZone    {@code TAPSCORE_TIME_ZONE}: dashboards' zone when neither the URL nor the user says one
 * @param alertDelay     {@code TAPSCORE_ALERT_DELAY_SECONDS}: how long an alert waits, so the comment a customer
 *                       types after tapping the score can travel with it
 * @param alertRetryBase {@code TAPSCORE_ALERT_RETRY_SECONDS}: the first retry's wait; it doubles per attempt
 */
public record AdminSettings(Optional<String> adminEmail,
                            Optional<String> adminPassword,
                            ZoneId defaultZone,
                            Duration alertDelay,
                            Duration alertRetryBase,
                            Duration alertPoll) {

    public static AdminSettings defaults() {
        return new AdminSettings(Optional.empty(), Optional.empty(), ZoneId.of("Europe/Copenhagen"),
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(500));
    }

    public static AdminSettings load(Config config, Map<String, String> env) {
        Config a = config.get("tapscore.admin");
        return new AdminSettings(
                Optional.ofNullable(blankToNull(value(env, "TAPSCORE_ADMIN_EMAIL", a.get("email").asString().orElse("")))),
                Optional.ofNullable(blankToNull(value(env, "TAPSCORE_ADMIN_PASSWORD", a.get("password").asString().orElse("")))),
                ZoneId.of(value(env, "TAPSCORE_TIME_ZONE", a.get("time-zone").asString().orElse("Europe/Copenhagen"))),
                Duration.ofSeconds(Long.parseLong(value(env, "TAPSCORE_ALERT_DELAY_SECONDS",
                        a.get("alert-delay-seconds").asString().orElse("30")))),
                Duration.ofSeconds(Long.parseLong(value(env, "TAPSCORE_ALERT_RETRY_SECONDS",
                        a.get("alert-retry-seconds").asString().orElse("10")))),
                Duration.ofMillis(500));
    }

    /** A copy with other alert timings (tests make them short). */
    public AdminSettings withAlerts(Duration delay, Duration retryBase, Duration poll) {
        return new AdminSettings(adminEmail, adminPassword, defaultZone, delay, retryBase, poll);
    }

    public AdminSettings withAdmin(String email, String password) {
        return new AdminSettings(Optional.of(email), Optional.of(password), defaultZone, alertDelay, alertRetryBase,
                alertPoll);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
