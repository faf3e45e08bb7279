package org.tapscore.server.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The arithmetic of a summary, from the count of answers per score (index 0..10). NPS is % promoters minus
 * % detractors of all answers, rounded half away from zero to one decimal, e.g. 2 promoters, 2 passives and
 * 7 detractors give (2 − 7) / 11 = −45.45… → −45.5.
 */
public final class SummaryMath {
    private SummaryMath() {
    }

    public static long total(long[] counts) {
        return Arrays.stream(counts).sum();
    }

    public static long detractors(long[] counts) {
        return Arrays.stream(counts, 0, 7).sum();
    }

    public static long passives(long[] counts) {
        return counts[7] + counts[8];
    }

    public static long promoters(long[] counts) {
        return counts[9] + counts[10];
    }

    /** The NPS, or null when nobody answered (no answers is not an NPS of 0). */
    public static BigDecimal nps(long[] counts) {
        long total = total(counts);
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf(100L * (promoters(counts) - detractors(counts)))
                .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }

    public static BigDecimal average(long[] counts) {
        long total = total(counts);
        if (total == 0) {
            return null;
        }
        long sum = 0;
        for (int score = 0; score <= 10; score++) {
            sum += score * counts[score];
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }
}
