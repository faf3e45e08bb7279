package org.tapscore.server.invitation;

import org.junit.jupiter.api.Test;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.SendWindow;
import org.tapscore.server.campaign.SendingRules;
import org.tapscore.server.web.Json;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The send-time arithmetic and the fatigue comparison, without a server. */
class SendScheduleTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final SendWindow WEEKDAYS = new SendWindow("09:00", "18:00",
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));

    @Test
    void movesIntoTheNextOpenWindow() {
        // Friday 17:59 local is inside; Friday 18:00 local is closed and moves to Monday 09:00.
        assertEquals(Instant.parse("2026-03-06T16:59:00Z"),
                SendSchedule.plan(Instant.parse("2026-03-06T16:59:00Z"), null, Duration.ZERO, WEEKDAYS, CPH));
        assertEquals(Instant.parse("2026-03-09T08:00:00Z"),
                SendSchedule.plan(Instant.parse("2026-03-06T17:00:00Z"), null, Duration.ZERO, WEEKDAYS, CPH));
        // Across the spring DST change (29 March): Monday 30 March 09:00 local is 07:00Z.
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"),
                SendSchedule.plan(Instant.parse("2026-03-28T12:00:00Z"), null, Duration.ZERO, WEEKDAYS, CPH));
        // No window: only the delay; a sendAt in the past means now.
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        assertEquals(now.plus(Duration.ofDays(3)), SendSchedule.plan(now, null, Duration.ofDays(3), null, CPH));
        assertEquals(now, SendSchedule.plan(now, now.minusSeconds(60), Duration.ofDays(3), null, CPH));
    }

    @Test
    void fatigueRefusesUntilTheGapHasPassed() {
        Instant last = Instant.parse("2026-01-01T10:00:00Z");
        Duration gap = Duration.ofDays(30);
        assertEquals(Optional.of(last.plus(gap)), FatigueRules.refusal(Optional.of(last), gap, last.plus(Duration.ofDays(29))));
        assertEquals(Optional.empty(), FatigueRules.refusal(Optional.of(last), gap, last.plus(gap)));
        assertEquals(Optional.empty(), FatigueRules.refusal(Optional.empty(), gap, last));
        assertEquals(Optional.empty(), FatigueRules.refusal(Optional.of(last), Duration.ZERO, last));
    }

    @Test
    void campaignsStoredBeforeSendingRulesStillRead() {
        String stored = """
                {"id": "old", "name": "Old", "type": "NPS", "journey": "TOUCHPOINT", "status": "ACTIVE",
                 "defaultLocale": "en", "allowedOrigins": [], "recontactDays": 30, "samplePercent": 100,
                 "texts": {"en": {"question": "Q?"}}, "theme": {"primaryColor": "#0a7d5a", "logoUrl": null}}""";
        Campaign campaign = Json.read(stored, Campaign.class).withDefaults();
        assertEquals(SendingRules.DEFAULT, campaign.sending());
        assertEquals(Duration.ZERO, campaign.sending().delayDuration());
    }
}
