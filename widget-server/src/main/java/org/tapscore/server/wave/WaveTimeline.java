package org.tapscore.server.wave;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The response rate over time: at the end of each hour (or day, for waves that run longer than three days) the
 * share of invitations sent so far that have been answered so far. At most {@value #MAX_POINTS} points.
 */
public final class WaveTimeline {
    static final int MAX_POINTS = 60;

    private WaveTimeline() {
    }

    /** {@code events}: each sent invitation's sent time and its answer time (null if unanswered). */
    public static List<Point> of(List<Instant[]> events, Instant now) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant first = events.stream().map(e -> e[0]).min(Instant::compareTo).orElseThrow();
        Instant last = now;
        Duration step = Duration.between(first, last).compareTo(Duration.ofDays(3)) > 0
                ? Duration.ofDays(1) : Duration.ofHours(1);
        Instant from = first.truncatedTo(step.equals(Duration.ofDays(1)) ? ChronoUnit.DAYS : ChronoUnit.HOURS);
        long buckets = Math.max(1, (Duration.between(from, last).toSeconds() + step.toSeconds() - 1) / step.toSeconds());
        if (buckets > MAX_POINTS) {
            step = step.multipliedBy((buckets + MAX_POINTS - 1) / MAX_POINTS);
            buckets = Math.max(1, (Duration.between(from, last).toSeconds() + step.toSeconds() - 1) / step.toSeconds());
        }
        List<Point> points = new ArrayList<>();
        for (long i = 1; i <= buckets; i++) {
            Instant end = from.plus(step.multipliedBy(i));
            long sent = 0;
            long answered = 0;
            for (Instant[] e : events) {
                if (e[0].isBefore(end)) {
                    sent++;
                    if (e[1] != null && e[1].isBefore(end)) {
                        answered++;
                    }
                }
            }
            points.add(new Point(end, sent, answered, rate(answered, sent)));
        }
        return points;
    }

    /** Answered as a percentage of sent, one decimal; null before anything was sent. */
    public static Double rate(long answered, long sent) {
        return sent == 0 ? null : Math.round(1000.0 * answered / sent) / 10.0;
    }

    /** The state at {@code at}: invitations sent before it, answered before it, and the rate. */
    public record Point(Instant at, long sent, long answered, Double responseRate) {
    }
}
