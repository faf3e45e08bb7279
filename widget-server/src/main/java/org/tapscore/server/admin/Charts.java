package org.tapscore.server.admin;

import java.util.List;

/** The dashboard's charts, drawn as SVG on the server: no script, sharp at any size, and they print. */
public final class Charts {
    static final String PROMOTER = "#0a7d5a";
    static final String PASSIVE = "#b38f00";
    static final String DETRACTOR = "#b3261e";
    private static final String INK = "#1d2430";
    private static final String MUTED = "#5a6472";
    private static final String GRID = "#d8dde4";
    private static final String TARGET = "#7a3db8";

    private Charts() {
    }

    static String colour(int score) {
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }

    /** Eleven bars, one per score, coloured by category, each labelled with its count. */
    public static String distribution(long[] counts) {
        double width = 560;
        double height = 220;
        double left = 10;
        double bottom = 190;
        double top = 24;
        long max = 1;
        for (long count : counts) {
            max = Math.max(max, count);
        }
        Svg svg = Svg.root(width, height, "Answers per score from 0 to 10");
        double slot = (width - 2 * left) / 11;
        svg.line(left, bottom, width - left, bottom, GRID, 1, false);
        for (int score = 0; score <= 10; score++) {
            double barHeight = (bottom - top) * counts[score] / max;
            double x = left + score * slot + slot * 0.15;
            svg.rect(x, bottom - barHeight, slot * 0.7, barHeight, colour(score));
            svg.text(x + slot * 0.35, bottom - barHeight - 5, "middle", 12, INK, Long.toString(counts[score]));
            svg.text(x + slot * 0.35, bottom + 18, "middle", 13, MUTED, Integer.toString(score));
        }
        return svg.end();
    }

    /** NPS per bucket on a −100..100 scale; buckets without answers leave a gap in the line. */
    public static String trend(List<DashboardStats.TrendPoint> points) {
        return trend(points, null);
    }

    /** The same with the campaign's NPS target as a dashed line across the chart (null: no target). */
    public static String trend(List<DashboardStats.TrendPoint> points, Double target) {
        double width = 720;
        double height = 260;
        double left = 44;
        double right = 12;
        double top = 14;
        double bottom = 220;
        Svg svg = Svg.root(width, height, target == null ? "NPS over time"
                : "NPS over time, with the target of " + Svg.num(target));
        for (int value = -100; value <= 100; value += 50) {
            double y = y(value, top, bottom);
            svg.line(left, y, width - right, y, value == 0 ? MUTED : GRID, 1, value != 0);
            svg.text(left - 6, y + 4, "end", 11, MUTED, Integer.toString(value));
        }
        if (target != null) {
            double y = y(target, top, bottom);
            svg.line(left, y, width - right, y, TARGET, 2, true);
            svg.text(width - right, y - 5, "end", 11, TARGET, "Target " + Svg.num(target));
        }
        int n = points.size();
        if (n == 0) {
            return svg.text(width / 2, (top + bottom) / 2, "middle", 14, MUTED, "No answers in this period").end();
        }
        double step = n == 1 ? 0 : (width - left - right - 20) / (n - 1);
        int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
        java.util.List<double[]> run = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = left + 10 + i * step;
            DashboardStats.TrendPoint point = points.get(i);
            if (point.figures().nps() != null) {
                double yy = y(point.figures().nps(), top, bottom);
                run.add(new double[] {x, yy});
                svg.circle(x, yy, 3.5, INK);
            } else {
                flush(svg, run);
            }
            if (i % labelEvery == 0) {
                svg.text(x, bottom + 18, "middle", 11, MUTED, point.label());
            }
        }
        flush(svg, run);
        return svg.end();
    }

    private static void flush(Svg svg, List<double[]> run) {
        if (run.size() > 1) {
            double[] xs = new double[run.size()];
            double[] ys = new double[run.size()];
            for (int i = 0; i < run.size(); i++) {
                xs[i] = run.get(i)[0];
                ys[i] = run.get(i)[1];
            }
            svg.polyline(xs, ys, "#1f5fbf", 2.5);
        }
        run.clear();
    }

    private static double y(double nps, double top, double bottom) {
        return bottom - (nps + 100) / 200 * (bottom - top);
    }

    /**
     * A wave's response rate (0–100 %) at the end of each period; {@code rates} may hold nulls (nothing sent
     * yet), which leave gaps.
     */
    public static String responseRate(List<String> labels, List<Double> rates) {
        double width = 720;
        double height = 240;
        double left = 44;
        double right = 12;
        double top = 14;
        double bottom = 200;
        Svg svg = Svg.root(width, height, "Response rate over time");
        for (int value = 0; value <= 100; value += 25) {
            double y = bottom - value / 100.0 * (bottom - top);
            svg.line(left, y, width - right, y, GRID, 1, value != 0);
            svg.text(left - 6, y + 4, "end", 11, MUTED, value + " %");
        }
        int n = rates.size();
        if (n == 0) {
            return svg.text(width / 2, (top + bottom) / 2, "middle", 14, MUTED, "Nothing sent yet").end();
        }
        double step = n == 1 ? 0 : (width - left - right - 20) / (n - 1);
        int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
        List<double[]> run = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = left + 10 + i * step;
            Double rate = rates.get(i);
            if (rate != null) {
                double y = bottom - rate / 100 * (bottom - top);
                run.add(new double[] {x, y});
                svg.circle(x, y, 3, INK);
            } else {
                flush(svg, run);
            }
            if (i % labelEvery == 0) {
                svg.text(x, bottom + 18, "middle", 11, MUTED, labels.get(i));
            }
        }
        flush(svg, run);
        return svg.end();
    }

    /** One horizontal bar split into detractors, passives and promoters. */
    public static String split(NpsFigures figures) {
        double width = 300;
        double height = 22;
        Svg svg = Svg.root(width, height, Format.oneDecimal(figures.detractorShare()) + " % detractors, "
                + Format.oneDecimal(figures.passiveShare()) + " % passives, "
                + Format.oneDecimal(figures.promoterShare()) + " % promoters");
        double d = width * figures.detractorShare() / 100;
        double p = width * figures.passiveShare() / 100;
        svg.rect(0, 0, d, height, DETRACTOR).rect(d, 0, p, height, PASSIVE)
                .rect(d + p, 0, width - d - p, height, figures.n() == 0 ? GRID : PROMOTER);
        return svg.end();
    }
}
