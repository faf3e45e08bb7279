package org.tapscore.server.kiosk;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The body of {@code POST /api/v1/devices/heartbeat}, sent by a kiosk every minute:
 * {@code {"device": "tsd_…", "queueDepth": 3, "lastSync": "2026-05-01T10:00:00Z", "version": "kiosk.js 1"}}.
 */
public record Heartbeat(@NotNull @Size(max = 100) String device,
                        @Min(0) @Max(10_000_000) Integer queueDepth,
                        Instant lastSync,
                        @Size(max = 100) String version) {
}
