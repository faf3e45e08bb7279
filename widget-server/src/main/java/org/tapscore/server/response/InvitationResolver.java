package org.tapscore.server.response;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Looks up the invitation an answer names, so the answer is bound to its campaign, channel and respondent by
 * the server (a page that only holds the token can never claim to be someone else).
 */
public interface InvitationResolver {
    InvitationResolver NONE = token -> Optional.empty();

    Optional<Binding> resolve(String token);

    /** What an invitation token stands for. {@code respondentId} is null once the respondent was erased. */
    record Binding(String token, String campaignId, UUID respondentId, Channel channel, Instant expiresAt,
                   String idempotencyKey) {
    }
}
