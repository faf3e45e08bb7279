package org.tapscore.server.response;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** A response as the API returns it to the client that recorded it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseView(UUID id,
                           String campaign,
                           int score,
                           Category category,
                           String followUp,
                           String editToken,
                           String comment,
                           Channel channel,
                           String locale,
                           String location,
                           String device,
                           Instant answeredAt,
                           Instant receivedAt) {

    /** The same answer without what only its author may have: the edit token and the comment. */
    public ResponseView withoutSecrets() {
        return new ResponseView(id, campaign, score, category, followUp, null, null, channel, locale, location,
                device, answeredAt, receivedAt);
    }
}
