package org.tapscore.server.admin;

import java.util.Arrays;

/**
 * NPS and what goes with it, derived from the count of answers per score (0..10).
 *
 * <p>The confidence interval codes each answer as +1 (promoter), 0 (passive) or −1 (detractor): NPS is 100 × the
 * mean of that coding, its variance is p + d − (p − d)² (p, d the promoter and detractor shares), and the 95 %
 * interval is NPS ± 1.96 × 100 × √(variance / n), the normal approximation. Below 30 answers that approximation
 * is poor, which {@link #smallSample()} says so the page can warn.
 *
 * <pre>{@code
 * NpsFigures f = NpsFigures.of(new long[] {1, 0, 0, 0, 0, 0, 0, 2, 0, 3, 4}); // n = 10, NPS = 60.0
 * }</pre>
 */
public record NpsFigures(long n, long promoters, long passives, long detractors, long[] distribution,
                         Double nps, Double low, Double high, Double average) {
    public static final int SMALL_SAMPLE = 30;

    public static NpsFigures of(long[] counts) {
        long n = Arrays.stream(counts).sum();
        long detractors = Arrays.stream(counts, 0, 7).sum();
        long passives = counts[7] + counts[8];
        long promoters = counts[9] + counts[10];
        if (n == 0) {
            return new NpsFigures(0, 0, 0, 0, counts.clone(), null, null, null, null);
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        double mean = p - d;
        double variance = Math.max(0, p + d - mean * mean);
        double margin = 1.96 * Math.sqrt(variance / n);
        long sum = 0;
        for (int score = 0; score <= 10; score++) {
            sum += score * counts[score];
        }
        return new NpsFigures(n, promoters, passives, detractors, counts.clone(), 100 * mean,
                Math.max(-100, 100 * (mean - margin)), Math.min(100, 100 * (mean + margin)), (double) sum / n);
    }

    public boolean smallSample() {
        return n < SMALL_SAMPLE;
    }

    public double share(long part) {
        return n == 0 ? 0 : 100.0 * part / n;
    }

    public double promoterShare() {
        return share(promoters);
    }

    public double passiveShare() {
        return share(passives);
    }

    public double detractorShare() {
        return share(detractors);
    }

    /** NPS with one decimal, or an en dash when nobody answered. */
    public String npsText() {
        return nps == null ? "–" : Format.oneDecimal(nps);
    }
}
