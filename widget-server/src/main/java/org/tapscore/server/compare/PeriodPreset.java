package org.tapscore.server.compare;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Named periods relative to today (in the viewer's time zone), so a bookmarked comparison such as "last 30 days
 * against the 30 before" stays current.
 */
public enum PeriodPreset {
    LAST7("last7", "Last 7 days"),
    LAST30("last30", "Last 30 days"),
    PREV30("prev30", "The 30 days before the last 30"),
    LAST90("last90", "Last 90 days"),
    PREV90("prev90", "The 90 days before the last 90"),
    THIS_MONTH("thismonth", "This month so far"),
    LAST_MONTH("lastmonth", "Last month");

    private final String key;
    private final String label;

    PeriodPreset(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** First and last day (inclusive). */
    public LocalDate[] resolve(LocalDate today) {
        return switch (this) {
            case LAST7 -> new LocalDate[] {today.minusDays(6), today};
            case LAST30 -> new LocalDate[] {today.minusDays(29), today};
            case PREV30 -> new LocalDate[] {today.minusDays(59), today.minusDays(30)};
            case LAST90 -> new LocalDate[] {today.minusDays(89), today};
            case PREV90 -> new LocalDate[] {today.minusDays(179), today.minusDays(90)};
            case THIS_MONTH -> new LocalDate[] {today.withDayOfMonth(1), today};
            case LAST_MONTH -> new LocalDate[] {today.minusMonths(1).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1)};
        };
    }

    /** The preset with this key; null for a blank or "custom" value (dates given by hand). */
    public static PeriodPreset parse(String raw) {
        if (raw == null || raw.isBlank() || raw.strip().equalsIgnoreCase("custom")) {
            return null;
        }
        String wanted = raw.strip().toLowerCase(Locale.ROOT);
        for (PeriodPreset preset : values()) {
            if (preset.key.equals(wanted)) {
                return preset;
            }
        }
        return null;
    }
}
