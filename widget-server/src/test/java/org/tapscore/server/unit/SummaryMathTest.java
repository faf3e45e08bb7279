package org.tapscore.server.unit;

import org.junit.jupiter.api.Test;
import org.tapscore.server.response.Category;
import org.tapscore.server.summary.SummaryMath;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SummaryMathTest {
    @Test
    void categoriesFollowTheBands() {
        for (int score = 0; score <= 6; score++) {
            assertEquals(Category.DETRACTOR, Category.of(score));
        }
        assertEquals(Category.PASSIVE, Category.of(7));
        assertEquals(Category.PASSIVE, Category.of(8));
        assertEquals(Category.PROMOTER, Category.of(9));
        assertEquals(Category.PROMOTER, Category.of(10));
        assertThrows(IllegalArgumentException.class, () -> Category.of(11));
        assertThrows(IllegalArgumentException.class, () -> Category.of(-1));
    }

    @Test
    void npsIsPromotersMinusDetractorsInPercentWithOneDecimal() {
        long[] oneEach = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        assertEquals(new BigDecimal("-45.5"), SummaryMath.nps(oneEach));
        long[] thirds = {0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1};
        assertEquals(new BigDecimal("0.0"), SummaryMath.nps(thirds));
        long[] twoOfThree = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
        assertEquals(new BigDecimal("66.7"), SummaryMath.nps(twoOfThree));
        long[] allPromoters = {0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0};
        assertEquals(new BigDecimal("100.0"), SummaryMath.nps(allPromoters));
        long[] oneOfSix = {0, 0, 0, 0, 0, 1, 0, 0, 5, 0, 0};
        assertEquals(new BigDecimal("-16.7"), SummaryMath.nps(oneOfSix));
    }

    @Test
    void nobodyAnsweredMeansNoNpsRatherThanZero() {
        assertNull(SummaryMath.nps(new long[11]));
        assertNull(SummaryMath.average(new long[11]));
    }

    @Test
    void averageHasTwoDecimals() {
        long[] counts = new long[11];
        counts[10] = 2;
        counts[9] = 1;
        assertEquals(new BigDecimal("9.67"), SummaryMath.average(counts));
    }
}
