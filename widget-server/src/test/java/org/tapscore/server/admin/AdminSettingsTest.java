package org.tapscore.server.admin;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.tapscore.server.Settings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminSettingsTest {
    private static final Config CONFIG = Config.just(ConfigSources.classpath("application.yaml"));

    @Test
    void defaultsComeFromApplicationYaml() {
        Settings settings = Settings.load(CONFIG, Map.of());
        AdminSettings admin = settings.admin();
        assertEquals(Optional.empty(), admin.adminEmail());
        assertEquals(ZoneId.of("Europe/Copenhagen"), admin.defaultZone());
        assertEquals(Duration.ofSeconds(30), admin.alertDelay());
        assertEquals(Duration.ofSeconds(10), admin.alertRetryBase());
        assertFalse(settings.smtp().configured());
    }

    @Test
    void environmentVariablesWin() {
        Settings settings = Settings.load(CONFIG, Map.of("TAPSCORE_ADMIN_EMAIL", "boss@shop.example",
                "TAPSCORE_ADMIN_PASSWORD", "a long secret", "TAPSCORE_TIME_ZONE", "America/New_York",
                "TAPSCORE_ALERT_DELAY_SECONDS", "0", "TAPSCORE_SMTP_HOST", "smtp.shop.example",
                "TAPSCORE_SMTP_PORT", "587", "TAPSCORE_SMTP_STARTTLS", "true"));
        AdminSettings admin = settings.admin();
        assertEquals(Optional.of("boss@shop.example"), admin.adminEmail());
        assertEquals(Optional.of("a long secret"), admin.adminPassword());
        assertEquals(ZoneId.of("America/New_York"), admin.defaultZone());
        assertEquals(Duration.ZERO, admin.alertDelay());
        assertTrue(settings.smtp().configured());
        assertEquals(587, settings.smtp().port());
        assertTrue(settings.smtp().startTls());
    }
}
