package org.tapscore.server.invitation;

import org.tapscore.server.campaign.SendWindow;
import org.tapscore.server.campaign.SendingRules;
import org.tapscore.server.respondent.Respondent;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When an invitation goes out: the trigger time plus the delay (or the caller's {@code sendAt}), moved forward
 * to the next moment inside the send window in the recipient's time zone.
 *
 * <pre>SendSchedule.plan(now, null, Duration.ofDays(3), window, ZoneId.of("Europe/Copenhagen"))</pre>
 */
public final class SendSchedule {
    private SendSchedule() {
    }

    public static Instant plan(Instant now, Instant sendAt, Duration delay, SendWindow window, ZoneId zone) {
        Instant earliest = sendAt != null ? (sendAt.isBefore(now) ? now : sendAt) : now.plus(delay);
        return window == null ? earliest : intoWindow(earliest, window, zone);
    }

    /** The first instant at or after {@code at} that lies inside the window (local time in {@code zone}). */
    static Instant intoWindow(Instant at, SendWindow window, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        for (int day = 0; day < 8; day++) {
            ZonedDateTime date = local.plusDays(day);
            if (!window.allows(date.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime open = ZonedDateTime.of(LocalDateTime.of(date.toLocalDate(), window.start()), zone);
            ZonedDateTime close = ZonedDateTime.of(LocalDateTime.of(date.toLocalDate(), window.end()), zone);
            if (day == 0) {
                if (local.isBefore(open)) {
                    return open.toInstant();
                }
                if (local.isBefore(close)) {
                    return at;
                }
                continue;
            }
            return open.toInstant();
        }
        return at; // a window with no days: unreachable after validation, but never lose the invitation
    }

    /** The respondent's own {@code timeZone} attribute when it names a zone, else the campaign's. */
    public static ZoneId zone(Respondent respondent, SendingRules rules) {
        return respondent.attribute("timeZone").flatMap(id -> {
            try {
                return Optional.of(ZoneId.of(id));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }).orElse(rules.zone());
    }
}
