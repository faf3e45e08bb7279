package org.tapscore.server.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * How a campaign behaves on an unattended kiosk. Every field is optional; campaigns stored before these settings
 * existed read as the defaults.
 *
 * <pre>{"kiosk": {"resetSeconds": 5, "idleSeconds": 30, "minTapIntervalSeconds": 3, "staffPin": "4711"}}</pre>
 *
 * @param resetSeconds          how long the thank-you stays before a blank scale returns
 * @param idleSeconds           how long an unfinished answer waits for the customer before the screen resets
 * @param minTapIntervalSeconds answers of one device closer together than this are stored as suspect (0: off)
 * @param staffPin              the PIN that opens the device status screen; none means the gesture alone opens it
 */
public record KioskSettings(@Min(1) @Max(300) Integer resetSeconds,
                            @Min(2) @Max(3600) Integer idleSeconds,
                            @Min(0) @Max(3600) Integer minTapIntervalSeconds,
                            @Pattern(regexp = "[0-9]{4,12}", message = "must be 4–12 digits") String staffPin) {

    public static final KioskSettings DEFAULT = new KioskSettings(5, 30, 3, null);

    KioskSettings withDefaults() {
        return new KioskSettings(resetSeconds == null ? DEFAULT.resetSeconds : resetSeconds,
                idleSeconds == null ? DEFAULT.idleSeconds : idleSeconds,
                minTapIntervalSeconds == null ? DEFAULT.minTapIntervalSeconds : minTapIntervalSeconds,
                staffPin);
    }
}
