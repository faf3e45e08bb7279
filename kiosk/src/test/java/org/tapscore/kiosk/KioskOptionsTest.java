package org.tapscore.kiosk;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KioskOptionsTest {
    private static final String TOKEN = "tsd_abcdefghijklmnopqrstuvwxyz012345";

    @Test
    void defaults() {
        KioskOptions o = KioskOptions.parse("--server", "https://tapscore.example/", "--device", TOKEN);
        assertEquals("https://tapscore.example", o.server().toString());
        assertNull(o.campaign());
        assertEquals(8090, o.port());
        assertEquals(Path.of("kiosk-data"), o.data());
        assertTrue(o.browser());
        assertEquals("/usr/bin/chromium", o.chromium());
    }

    @Test
    void everyOption() {
        KioskOptions o = KioskOptions.parse("--server", "http://10.0.0.2:8080", "--device", TOKEN, "--campaign",
                "in-store", "--port", "9000", "--data", "/var/lib/k", "--no-browser", "--headless",
                "--browser-arg", "--lang=da");
        assertEquals("in-store", o.campaign());
        assertEquals(9000, o.port());
        assertFalse(o.browser());
        assertTrue(o.headless());
        assertEquals(java.util.List.of("--lang=da"), o.browserArgs());
    }

    @Test
    void mistakesSayWhatToFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KioskOptions.parse("--device", TOKEN))
                .getMessage().startsWith("--server is missing"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> KioskOptions.parse("--server", "https://x", "--device", "tsk_apikey"))
                .getMessage().startsWith("--device is missing or not a device token"));
        assertThrows(IllegalArgumentException.class,
                () -> KioskOptions.parse("--server", "https://x", "--device", TOKEN, "--campaign", "Bad Id"));
        assertThrows(IllegalArgumentException.class,
                () -> KioskOptions.parse("--server", "https://x", "--device", TOKEN, "--port"));
        assertThrows(IllegalArgumentException.class,
                () -> KioskOptions.parse("--server", "https://x", "--device", TOKEN, "--bogus"));
    }
}
