package org.tapscore.server.targets;

import org.tapscore.server.admin.NpsFigures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where a target stands on a given day: the NPS since it was set ({@code current}, from {@code baselineDate} to
 * {@code periodEnd}), the value of the straight path from the baseline to the target on that day
 * ({@code expected}), the share of the way covered ({@code progress}, 1.0 = the target; it can be below 0 or
 * above 1) and the judgement. Pure arithmetic on figures already counted, so it is tested without a database.
 *
 * <pre>{@code
 * LocalDate end = TargetProgress.periodEnd(target, today);   // count the answers from baselineDate to end
 * TargetProgress p = TargetProgress.of(target, figuresOfThoseAnswers, today);
 * }</pre>
 *
 * @param expected null without a baseline
 * @param progress null without a baseline or answers, or when the target equals the baseline
 * @param finished true from the target date on: the judgement then says reached or missed
 */
public record TargetProgress(NpsTarget target, NpsFigures current, LocalDate periodEnd, Double expected,
                             Double progress, long daysLeft, TargetStatus status, boolean finished) {

    public static TargetProgress of(NpsTarget target, NpsFigures current, LocalDate today) {
        LocalDate end = periodEnd(target, today);
        boolean finished = !today.isBefore(target.targetDate());
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, target.targetDate()));
        Double baseline = target.baselineNps();
        if (baseline == null) {
            return new TargetProgress(target, current, end, null, null, daysLeft, TargetStatus.NO_BASELINE, finished);
        }
        double expected = expected(target, end);
        Double progress = current.nps() == null || target.targetNps() == baseline ? null
                : (current.nps() - baseline) / (target.targetNps() - baseline);
        return new TargetProgress(target, current, end, expected, progress, daysLeft, judge(current, expected),
                finished);
    }

    /** The last day whose answers count: today, or the target date once it has passed. */
    public static LocalDate periodEnd(NpsTarget target, LocalDate today) {
        return today.isAfter(target.targetDate()) ? target.targetDate() : today;
    }

    /** The path's value on {@code day}: a straight line from the baseline on the day it was set to the target. */
    static double expected(NpsTarget target, LocalDate day) {
        long total = ChronoUnit.DAYS.between(target.baselineDate(), target.targetDate());
        long elapsed = Math.clamp(ChronoUnit.DAYS.between(target.baselineDate(), day), 0, total);
        double baseline = target.baselineNps();
        return baseline + (target.targetNps() - baseline) * elapsed / total;
    }

    /**
     * The whole 95 % interval at or above the path is on track, wholly below is behind; a path inside the
     * interval means the answers cannot tell the two apart yet.
     */
    static TargetStatus judge(NpsFigures current, double expected) {
        if (current.n() == 0) {
            return TargetStatus.NO_ANSWERS;
        }
        if (current.smallSample()) {
            return TargetStatus.TOO_FEW;
        }
        if (current.low() >= expected) {
            return TargetStatus.ON_TRACK;
        }
        if (current.high() < expected) {
            return TargetStatus.BEHIND;
        }
        return TargetStatus.UNCLEAR;
    }
}
