package org.tapscore.server.response;

import java.time.Instant;
import java.util.UUID;

/**
 * A response as listed to API-key holders (dashboards, CRM sync, BI). {@code suspect} marks a rapid repeat tap on
 * a kiosk, which the summary leaves out.
 */
public record ResponseItem(UUID id,
                           String campaign,
                           int score,
                           Category category,
                           String comment,
                           Channel channel,
                           String locale,
                           String location,
                           String device,
                           String invitation,
                           RespondentRef respondent,
                           String pageUrl,
                           Instant answeredAt,
                           Instant receivedAt,
                           boolean suspect) {

    /** Who answered, when known. */
    public record RespondentRef(String externalId, String name, String company) {
    }
}
