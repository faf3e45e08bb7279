package org.tapscore.server.wave;

import java.time.Instant;
import java.util.UUID;

/**
 * A respondent a wave left out. {@code reason} is a stable code: {@code recontact} and {@code relationship}
 * (fatigue rules, with {@code nextAllowedAt}), {@code no-email}, {@code no-phone}.
 */
public record Skip(UUID respondentId, String externalId, String reason, String detail, Instant nextAllowedAt) {
    public static final String NO_EMAIL = "no-email";
    public static final String NO_PHONE = "no-phone";
}
