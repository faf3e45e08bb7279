package org.tapscore.server.respondent;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A stored respondent: who an invitation goes to and who an answer came from. */
public record Respondent(UUID id, String externalId, String email, String phone, String name, String company,
                         Map<String, Object> attributes) {

    /** A string attribute such as {@code timeZone} or {@code locale}, when set. */
    public Optional<String> attribute(String key) {
        Object value = attributes == null ? null : attributes.get(key);
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }
}
