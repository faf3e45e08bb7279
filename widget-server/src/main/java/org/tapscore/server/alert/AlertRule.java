package org.tapscore.server.alert;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * "When a response to this campaign is rated {@code from}..{@code to}, tell this address or URL." The signing
 * secret appears in the API answer only once, when the rule is created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertRule(UUID id, String campaign, int from, int to, String email, String webhookUrl,
                        AlertFormat format, String secret, Instant createdAt) {

    public boolean matches(int score) {
        return score >= from && score <= to;
    }

    /** The rule as listed: without its secret. */
    public AlertRule withoutSecret() {
        return new AlertRule(id, campaign, from, to, email, webhookUrl, format, null, createdAt);
    }
}
