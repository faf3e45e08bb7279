package org.tapscore.server.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Survey fatigue, across all channels: at most one invitation per respondent per campaign per
 * {@code recontactDays}, and at most one relationship survey per respondent per {@code relationshipDays}
 * (whichever relationship campaign asks). A refusal says when the next invitation will be accepted.
 */
public record FatigueRules(Duration relationshipGap) {

    public static final FatigueRules DEFAULT = new FatigueRules(Duration.ofDays(90));

    /** When a new invitation may next be sent, if {@code planned} is too close to {@code previous}. */
    public static Optional<Instant> refusal(Optional<Instant> previous, Duration gap, Instant planned) {
        if (previous.isEmpty() || gap.isZero()) {
            return Optional.empty();
        }
        Instant next = previous.get().plus(gap);
        return planned.isBefore(next) ? Optional.of(next) : Optional.empty();
    }
}
