package org.tapscore.server.alert;

import java.time.Instant;
import java.util.UUID;

/** What an alert says, whatever the channel: the answer, its campaign and question, who gave it, and a link. */
public record AlertMessage(UUID deliveryId,
                           UUID responseId,
                           String campaignId,
                           String campaignName,
                           String question,
                           int score,
                           String category,
                           String comment,
                           String channel,
                           String location,
                           Instant answeredAt,
                           String respondent,
                           String url) {

    public String subject() {
        return "Score " + score + " for " + campaignName;
    }
}
