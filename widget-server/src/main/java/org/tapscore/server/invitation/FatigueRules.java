package org.tapscore.server.invitation;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.Journey;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Survey fatigue, across all channels: at most one invitation per respondent per campaign per
 * {@code recontactDays}, and at most one relationship survey per respondent per {@code relationshipDays}
 * (whichever relationship campaign asks). A refusal says when the next invitation will be accepted.
 */
public record FatigueRules(Duration relationshipGap) {

    public static final FatigueRules DEFAULT = new FatigueRules(Duration.ofDays(90));

    /**
     * Whether an invitation of {@code campaign} planned for {@code planned} would tire the respondent. Call it
     * inside the transaction that holds the respondent's lock ({@link InvitationRepository#lockRespondent}), so
     * two invitations for one person are judged one after the other. Single triggers and waves both use it.
     */
    public Optional<Refusal> check(Connection c, InvitationRepository repository, UUID respondentId,
                                   Campaign campaign, Instant planned) throws SQLException {
        Optional<Instant> next = refusal(repository.latestSendAt(c, respondentId, campaign.id()),
                Duration.ofDays(campaign.recontactDays()), planned);
        if (next.isPresent()) {
            return Optional.of(new Refusal(Refusal.RECONTACT, "This respondent was invited to this campaign less than "
                    + campaign.recontactDays() + " days ago", next.get()));
        }
        if (campaign.journey() == Journey.RELATIONSHIP) {
            next = refusal(repository.latestRelationshipSendAt(c, respondentId), relationshipGap, planned);
            if (next.isPresent()) {
                return Optional.of(new Refusal(Refusal.RELATIONSHIP, "This respondent was asked a relationship "
                        + "survey less than " + relationshipGap.toDays() + " days ago", next.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Why an invitation may not go out yet: {@code reason} is a stable code ({@value #RECONTACT} for the same
     * campaign's {@code recontactDays}, {@value #RELATIONSHIP} for the gap between relationship surveys).
     */
    public record Refusal(String reason, String detail, Instant nextAllowedAt) {
        public static final String RECONTACT = "recontact";
        public static final String RELATIONSHIP = "relationship";
    }

    /** When a new invitation may next be sent, if {@code planned} is too close to {@code previous}. */
    public static Optional<Instant> refusal(Optional<Instant> previous, Duration gap, Instant planned) {
        if (previous.isEmpty() || gap.isZero()) {
            return Optional.empty();
        }
        Instant next = previous.get().plus(gap);
        return planned.isBefore(next) ? Optional.of(next) : Optional.empty();
    }
}
