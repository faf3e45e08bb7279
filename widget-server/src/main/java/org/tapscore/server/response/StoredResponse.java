package org.tapscore.server.response;

import java.time.Instant;
import java.util.UUID;

/** One answer as stored. */
public record StoredResponse(UUID id,
                             String campaignId,
                             int score,
                             String comment,
                             Channel channel,
                             String locale,
                             String location,
                             String device,
                             UUID respondentId,
                             String invitation,
                             String pageUrl,
                             String idempotencyKey,
                             boolean suspect,
                             Instant answeredAt,
                             Instant receivedAt) {

    public Category category() {
        return Category.of(score);
    }
}
