package org.tapscore.server.invitation;

import org.tapscore.server.campaign.Journey;
import org.tapscore.server.response.Channel;

import java.time.Instant;
import java.util.UUID;

/** One stored invitation: a token bound to a campaign, a respondent and a channel, with its delivery state. */
public record Invitation(UUID id,
                         String token,
                         String campaignId,
                         UUID respondentId,
                         Channel channel,
                         Journey journey,
                         InvitationStatus status,
                         String idempotencyKey,
                         String locale,
                         Instant createdAt,
                         Instant sendAt,
                         Instant expiresAt,
                         Instant sentAt,
                         Instant reminderAt,
                         Instant remindedAt,
                         Instant nextAttemptAt,
                         int attempts) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** The idempotency key of the one response this invitation may have: a second submit updates it. */
    public String responseKey() {
        return responseKey(token);
    }

    public static String responseKey(String token) {
        return "inv." + token;
    }
}
