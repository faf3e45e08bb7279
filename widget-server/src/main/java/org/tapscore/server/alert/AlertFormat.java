package org.tapscore.server.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The shape of a webhook body: our own JSON, a Slack incoming-webhook message or a Microsoft Teams card. */
public enum AlertFormat {
    JSON, SLACK, TEAMS;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AlertFormat of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
