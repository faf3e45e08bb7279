package org.tapscore.server.wave;

import org.junit.jupiter.api.Test;
import org.tapscore.server.campaign.SendWindow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slots keep the rate at every moment, fall inside each recipient's window, and skipped ones free their slot. */
class WaveSlotsTest {
    private static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    private static final ZoneId NYC = ZoneId.of("America/New_York");
    private static final SendWindow WORK_HOURS = new SendWindow("09:00", "17:00",
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));

    @Test
    void twoZonesShareOneRateAndEachGetsItsOwnWorkingHours() {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            people.add((i % 2 == 0 ? "cph-" : "nyc-") + i);
        }
        Map<String, Instant> slots = new java.util.LinkedHashMap<>();
        Instant start = Instant.parse("2026-03-02T12:00:00Z"); // Monday, 13:00 in Copenhagen, 07:00 in New York
        WaveSlots.assign(people, p -> p.startsWith("cph") ? CPH : NYC, start, 6, WORK_HOURS,
                (p, at) -> slots.put(p, at) == null);
        assertEquals(60, slots.size());
        List<Instant> times = new ArrayList<>(slots.values());
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!times.get(i).isBefore(times.get(i - 1).plus(Duration.ofMinutes(10))),
                    "at most 6 an hour: " + times.get(i - 1) + " then " + times.get(i));
        }
        slots.forEach((person, at) -> {
            ZonedDateTime local = at.atZone(person.startsWith("cph") ? CPH : NYC);
            assertTrue(!local.toLocalTime().isBefore(LocalTime.of(9, 0)) && local.toLocalTime().isBefore(LocalTime.of(17, 0)),
                    person + " at " + local);
        });
        assertEquals(start, slots.get("cph-0"), "Copenhagen is open at the start");
        assertEquals(Instant.parse("2026-03-02T14:00:00Z"), slots.get("nyc-1"), "New York waits for 09:00 there");
    }

    @Test
    void aRefusedCandidateLeavesTheSlotToTheNext() {
        List<Instant> given = new ArrayList<>();
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        WaveSlots.assign(List.of(1, 2, 3, 4), p -> CPH, start, 60, null, (p, at) -> {
            if (p == 2) {
                return false;
            }
            given.add(at);
            return true;
        });
        assertEquals(List.of(start, start.plusSeconds(60), start.plusSeconds(120)), given);
    }
}
