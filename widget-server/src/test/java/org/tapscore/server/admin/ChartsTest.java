package org.tapscore.server.admin;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    @Test
    void svgEscapesEveryTextAndAttribute() {
        String svg = Svg.root(100, 50, "a \"title\" <b>").text(1, 2, "start", 10, "#000\" onload=\"x", "<img src=x onerror=alert(1)>")
                .end();
        assertTrue(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(svg.contains("fill=\"#000&quot; onload=&quot;x\""));
        assertFalse(svg.contains("<img"));
        assertFalse(svg.contains("style="), "no inline styles under a strict CSP");
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
    }

    @Test
    void numbersUseADotAndFewDecimals() {
        assertEquals("12", Svg.num(12.0));
        assertEquals("1.5", Svg.num(1.5));
        assertEquals("0.33", Svg.num(1.0 / 3));
        assertEquals("-4", Svg.num(-4));
    }

    @Test
    void distributionHasOneBarPerScoreColouredByCategory() {
        String svg = Charts.distribution(new long[] {1, 0, 0, 0, 0, 0, 3, 2, 0, 5, 4});
        assertEquals(11, svg.split("<rect").length - 1);
        assertTrue(svg.contains("fill=\"" + Charts.DETRACTOR + "\""));
        assertTrue(svg.contains("fill=\"" + Charts.PASSIVE + "\""));
        assertTrue(svg.contains("fill=\"" + Charts.PROMOTER + "\""));
    }

    @Test
    void trendLeavesGapsForEmptyBuckets() {
        NpsFigures some = NpsFigures.of(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0});
        NpsFigures none = NpsFigures.of(new long[11]);
        LocalDate d = LocalDate.of(2026, 1, 1);
        String svg = Charts.trend(List.of(new DashboardStats.TrendPoint(d, "a", some),
                new DashboardStats.TrendPoint(d, "b", some), new DashboardStats.TrendPoint(d, "c", none),
                new DashboardStats.TrendPoint(d, "d", some)));
        assertEquals(1, svg.split("<polyline").length - 1, "one line before the gap, a lone dot after");
        assertEquals(3, svg.split("<circle").length - 1);
    }

    @Test
    void confidenceIntervalFollowsTheMinusOneZeroOneCoding() {
        // 50 promoters, 30 passives, 20 detractors: NPS 30, variance 0.7 - 0.09 = 0.61.
        NpsFigures f = NpsFigures.of(new long[] {20, 0, 0, 0, 0, 0, 0, 30, 0, 50, 0});
        assertEquals(30.0, f.nps(), 1e-9);
        double margin = 100 * 1.96 * Math.sqrt(0.61 / 100);
        assertEquals(30 - margin, f.low(), 1e-9);
        assertEquals(30 + margin, f.high(), 1e-9);
        assertFalse(f.smallSample());
        assertTrue(NpsFigures.of(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 29}).smallSample());
    }
}
