package org.tapscore.server.admin;

import java.util.UUID;

/** A person who signs in to the admin UI; {@code timeZone} is null until they choose one. */
public record AdminUser(UUID id, String email, Role role, String timeZone) {
}
