package org.tapscore.server.response;

import java.time.Instant;
import java.util.UUID;

/** A response as listed to API-key holders (dashboards, CRM sync, BI). */
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
                           Instant receivedAt) {

    /** Who answered, when known. */
    public record RespondentRef(String externalId, String name, String company) {
    }
}
