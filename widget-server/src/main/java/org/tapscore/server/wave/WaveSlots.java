package org.tapscore.server.wave;

import org.tapscore.server.campaign.SendWindow;
import org.tapscore.server.invitation.SendSchedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Hands out send times for a wave: one every {@code 3600 / ratePerHour} seconds from the start, each inside the
 * send window in the recipient's zone. Moving each time into its window on its own would pile every slot that
 * fell on a night onto the next morning's opening minute; instead the clock only hands a slot to someone whose
 * window is open at that moment, and jumps to the next opening when nobody's is. So the rate holds at every
 * hour of the wave, across time zones, and the order of the selection is kept where windows allow it.
 *
 * <pre>WaveSlots.assign(candidates, c -> zone, start, 400, window, (c, at) -> fatigueAllows(c, at));</pre>
 */
public final class WaveSlots {
    private WaveSlots() {
    }

    /**
     * Calls {@code offer} with each candidate and the slot it would get; an offer that returns false (the
     * candidate is skipped) leaves the slot to the next candidate.
     */
    public static <T> void assign(List<T> candidates, Function<T, ZoneId> zoneOf, Instant start, int ratePerHour,
                                  SendWindow window, BiPredicate<T, Instant> offer) {
        Duration interval = Duration.ofNanos(3_600_000_000_000L / ratePerHour);
        Map<ZoneId, Deque<Indexed<T>>> queues = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            T candidate = candidates.get(i);
            queues.computeIfAbsent(zoneOf.apply(candidate), z -> new ArrayDeque<>())
                    .add(new Indexed<>(i, candidate));
        }
        Instant cursor = start;
        while (!queues.isEmpty()) {
            ZoneId pick = null;
            Instant nextOpening = null;
            for (Map.Entry<ZoneId, Deque<Indexed<T>>> queue : queues.entrySet()) {
                Instant opens = window == null ? cursor : SendSchedule.plan(cursor, cursor, Duration.ZERO, window,
                        queue.getKey());
                if (opens.equals(cursor)) {
                    if (pick == null || queue.getValue().peek().index() < queues.get(pick).peek().index()) {
                        pick = queue.getKey();
                    }
                } else if (nextOpening == null || opens.isBefore(nextOpening)) {
                    nextOpening = opens;
                }
            }
            if (pick == null) {
                cursor = nextOpening;
                continue;
            }
            Deque<Indexed<T>> queue = queues.get(pick);
            T candidate = queue.poll().value();
            if (queue.isEmpty()) {
                queues.remove(pick);
            }
            if (offer.test(candidate, cursor)) {
                cursor = cursor.plus(interval);
            }
        }
    }

    private record Indexed<T>(int index, T value) {
    }
}
