package org.tapscore.server.kiosk;

import java.util.UUID;

/** The answer to a registration: the device's id and its token, which is shown this once and stored hashed. */
public record RegisteredDevice(UUID id, String token, String name, String location, String campaign) {
}
