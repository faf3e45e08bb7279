package org.tapscore.server.targets;

import org.junit.jupiter.api.Test;
import org.tapscore.server.admin.NpsFigures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The path, progress and judgement of a target from figures given here: no server, no database. */
class TargetProgressTest {
    private static final LocalDate SET = LocalDate.parse("2026-06-15");
    private static final LocalDate DUE = LocalDate.parse("2026-10-13");   // 120 days after SET
    private static final LocalDate HALFWAY = SET.plusDays(60);

    private static NpsTarget target(Double baseline, int nps) {
        return new NpsTarget("after-order", nps, DUE, ZoneId.of("UTC"), baseline, baseline == null ? 0 : 10, SET,
                "API key", Instant.parse("2026-06-15T12:00:00Z"));
    }

    /** {@code n} answers: {@code promoters} 10s, {@code detractors} 0s and the rest 7s. */
    private static NpsFigures answers(int n, int promoters, int detractors) {
        long[] counts = new long[11];
        counts[10] = promoters;
        counts[0] = detractors;
        counts[7] = n - promoters - detractors;
        return NpsFigures.of(counts);
    }

    @Test
    void thePathRunsStraightFromTheBaselineToTheTarget() {
        NpsTarget t = target(10.0, 50);
        assertEquals(10.0, TargetProgress.expected(t, SET), 1e-9);
        assertEquals(20.0, TargetProgress.expected(t, SET.plusDays(30)), 1e-9);
        assertEquals(30.0, TargetProgress.expected(t, HALFWAY), 1e-9);
        assertEquals(50.0, TargetProgress.expected(t, DUE), 1e-9);
        // Before it was set and after its date the path stays at its ends.
        assertEquals(10.0, TargetProgress.expected(t, SET.minusDays(5)), 1e-9);
        assertEquals(50.0, TargetProgress.expected(t, DUE.plusDays(5)), 1e-9);
        // A falling target is a falling path.
        assertEquals(-5.0, TargetProgress.expected(target(10.0, -20), HALFWAY), 1e-9);
    }

    @Test
    void daysLeftAndThePeriodStopAtTheTargetDate() {
        NpsTarget t = target(10.0, 50);
        TargetProgress running = TargetProgress.of(t, answers(40, 20, 0), HALFWAY);
        assertEquals(HALFWAY, running.periodEnd());
        assertEquals(60, running.daysLeft());
        assertFalse(running.finished());
        TargetProgress due = TargetProgress.of(t, answers(40, 20, 0), DUE);
        assertEquals(DUE, due.periodEnd());
        assertEquals(0, due.daysLeft());
        assertTrue(due.finished(), "on the target date the judgement is final");
        TargetProgress after = TargetProgress.of(t, answers(40, 20, 0), DUE.plusDays(7));
        assertEquals(DUE, after.periodEnd(), "answers after the target date do not count");
        assertEquals(0, after.daysLeft());
        assertEquals(50.0, after.expected(), 1e-9);
    }

    @Test
    void progressIsTheShareOfTheWayAndIsNotClamped() {
        NpsTarget t = target(10.0, 50);
        assertEquals(0.5, TargetProgress.of(t, answers(40, 12, 0), HALFWAY).progress(), 1e-9);    // NPS 30
        assertEquals(2.25, TargetProgress.of(t, answers(40, 40, 0), HALFWAY).progress(), 1e-9);   // NPS 100
        assertEquals(-0.5, TargetProgress.of(t, answers(40, 0, 4), HALFWAY).progress(), 1e-9);   // NPS −10
        assertEquals(0.0, TargetProgress.of(t, answers(40, 4, 0), HALFWAY).progress(), 1e-9);     // NPS 10
        // Towards a lower target, falling is progress.
        assertEquals(1.0, TargetProgress.of(target(10.0, -20), answers(40, 0, 8), HALFWAY).progress(), 1e-9);
        assertNull(TargetProgress.of(target(10.0, 10), answers(40, 4, 0), HALFWAY).progress(),
                "no way to go, no share of it");
        assertNull(TargetProgress.of(t, answers(0, 0, 0), HALFWAY).progress());
        assertNull(TargetProgress.of(target(null, 50), answers(40, 20, 0), HALFWAY).progress());
    }

    @Test
    void onTrackWhenTheWholeIntervalIsAtOrAboveThePath() {
        // 40 answers, all 10s: NPS 100 with an interval of width zero, above the path's 30.
        TargetProgress p = TargetProgress.of(target(10.0, 50), answers(40, 40, 0), HALFWAY);
        assertEquals(TargetStatus.ON_TRACK, p.status());
        assertEquals("On track", p.status().label(p.finished()));
        // The interval's low end exactly on the path still counts: all 7s give NPS 0 ± 0 on a path at 0.
        assertEquals(TargetStatus.ON_TRACK,
                TargetProgress.of(target(-30.0, 30), answers(40, 0, 0), HALFWAY).status());
    }

    @Test
    void behindWhenTheWholeIntervalIsBelowThePath() {
        NpsFigures f = answers(40, 0, 40);   // NPS −100
        TargetProgress p = TargetProgress.of(target(10.0, 50), f, HALFWAY);
        assertTrue(f.high() < 30);
        assertEquals(TargetStatus.BEHIND, p.status());
        assertEquals("Behind", p.status().label(false));
    }

    @Test
    void tooCloseToCallWhenThePathIsInsideTheInterval() {
        NpsFigures f = answers(40, 16, 4);   // NPS 30, the path's value halfway
        assertTrue(f.low() < 30 && f.high() > 30);
        TargetProgress p = TargetProgress.of(target(10.0, 50), f, HALFWAY);
        assertEquals(TargetStatus.UNCLEAR, p.status());
        assertEquals("Too close to call", p.status().label(false));
    }

    @Test
    void fewAnswersNoAnswersAndNoBaselineAreNotJudged() {
        NpsTarget t = target(10.0, 50);
        assertEquals(TargetStatus.TOO_FEW, TargetProgress.of(t, answers(29, 29, 0), HALFWAY).status(),
                "29 promoters are not yet proof");
        assertEquals(TargetStatus.ON_TRACK, TargetProgress.of(t, answers(30, 30, 0), HALFWAY).status());
        TargetProgress none = TargetProgress.of(t, answers(0, 0, 0), HALFWAY);
        assertEquals(TargetStatus.NO_ANSWERS, none.status());
        assertEquals(30.0, none.expected(), 1e-9, "the path is known even without answers");
        TargetProgress noBaseline = TargetProgress.of(target(null, 50), answers(40, 40, 0), HALFWAY);
        assertEquals(TargetStatus.NO_BASELINE, noBaseline.status());
        assertNull(noBaseline.expected());
    }

    @Test
    void fromTheTargetDateOnTheSameRuleSaysReachedOrMissed() {
        NpsTarget t = target(10.0, 50);
        TargetProgress reached = TargetProgress.of(t, answers(40, 40, 0), DUE);
        assertEquals(TargetStatus.ON_TRACK, reached.status());
        assertEquals("Reached", reached.status().label(reached.finished()));
        TargetProgress missed = TargetProgress.of(t, answers(40, 16, 4), DUE.plusDays(1));   // NPS 30 < 50
        assertEquals(TargetStatus.BEHIND, missed.status());
        assertEquals("Missed", missed.status().label(missed.finished()));
        TargetProgress unclear = TargetProgress.of(t, answers(40, 22, 2), DUE);   // NPS 50 ± a lot
        assertEquals(TargetStatus.UNCLEAR, unclear.status());
        assertEquals("Too close to call whether it was reached", unclear.status().label(unclear.finished()));
    }
}
