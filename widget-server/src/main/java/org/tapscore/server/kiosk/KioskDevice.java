package org.tapscore.server.kiosk;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered kiosk as the device list shows it. {@code online} means a heartbeat arrived within the last
 * {@link KioskDevices#ONLINE_WINDOW}; {@code queueDepth} is what the device last reported as waiting.
 */
public record KioskDevice(UUID id,
                          String name,
                          String location,
                          String campaign,
                          Instant createdAt,
                          Instant lastSeen,
                          Instant lastSync,
                          int queueDepth,
                          String version,
                          boolean online) {
}
