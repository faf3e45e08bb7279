package org.tapscore.server.compare;

import org.tapscore.server.admin.NpsFigures;

/**
 * The difference between two NPS figures, {@code b − a}, and whether the answers can tell them apart.
 *
 * <p>Each answer is coded +1 (promoter), 0 (passive), −1 (detractor); NPS is 100 × the mean of the codes, so its
 * standard error is 100 × √((p + d − (p − d)²) / n), p and d the promoter and detractor shares. For two
 * independent samples the variances add: SE(b − a) = √(SE(a)² + SE(b)²). The 95 % interval of the difference is
 * (b − a) ± 1.96 × SE, and the two are called distinguishable when that interval leaves out 0 (|z| &gt; 1.96), a
 * two-sided test at the 5 % level with the normal approximation.
 *
 * <p>Caveats: below {@value NpsFigures#SMALL_SAMPLE} answers in either series the approximation is poor, so no
 * verdict is given. Series that share answers (a campaign and "all campaigns" over the same days) are not
 * independent; they are positively correlated, so the test is then conservative (it says "different" less
 * often than it should), never over-eager. Comparing four series makes six pairs, and one of them may pass
 * the 5 % test by chance; read single borderline verdicts with that in mind.
 */
public record NpsDifference(int a, int b, Double difference, Double standardError, Double low, Double high,
                            Double z, Verdict verdict) {

    /** What the difference test concludes. */
    public enum Verdict {
        DIFFERENT("Different (95 %)"),
        NOT_DISTINGUISHABLE("Not distinguishable"),
        TOO_FEW("Too few answers to tell"),
        NO_ANSWERS("No answers");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static final double Z95 = 1.96;

    public static NpsDifference of(int a, NpsFigures first, int b, NpsFigures second) {
        if (first.n() == 0 || second.n() == 0) {
            return new NpsDifference(a, b, null, null, null, null, null, Verdict.NO_ANSWERS);
        }
        double difference = second.nps() - first.nps();
        double se = Math.sqrt(square(standardError(first)) + square(standardError(second)));
        Double z = se == 0 ? null : difference / se;
        Verdict verdict = first.smallSample() || second.smallSample() ? Verdict.TOO_FEW
                : Math.abs(difference) > Z95 * se ? Verdict.DIFFERENT : Verdict.NOT_DISTINGUISHABLE;
        return new NpsDifference(a, b, difference, se, difference - Z95 * se, difference + Z95 * se, z, verdict);
    }

    /** Standard error of one NPS, on the −100..100 scale. */
    static double standardError(NpsFigures f) {
        double p = (double) f.promoters() / f.n();
        double d = (double) f.detractors() / f.n();
        return 100 * Math.sqrt(Math.max(0, p + d - (p - d) * (p - d)) / f.n());
    }

    private static double square(double x) {
        return x * x;
    }
}
