package org.tapscore.server.admin;

import org.tapscore.server.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.zone.ZoneOffsetTransition;

/**
 * The dashboard's numbers. The database only counts answers per score and per time slot (a fixed number of
 * seconds since the epoch, so the count never depends on the database session's time zone); Java then puts
 * each slot into the viewer's day, week or month with {@link ZoneId}, so days around a DST change have
 * exactly the hours they have on the wall clock.
 */
public final class DashboardStats {
    private final Database db;

    public DashboardStats(Database db) {
        this.db = db;
    }

    public NpsFigures figures(ResponseFilter filter) {
        return figures(filter.where());
    }

    /** Figures for any condition on {@code response r} (comparisons add conditions a filter cannot say). */
    public NpsFigures figures(ResponseFilter.Where where) {
        long[] counts = new long[11];
        query("select r.score, count(*) from response r where " + where.sql() + " group by r.score", where,
                rs -> counts[rs.getInt(1)] += rs.getLong(2));
        return NpsFigures.of(counts);
    }

    /** Counts per campaign in a period (the campaigns list). */
    public Map<String, NpsFigures> byCampaign(ResponseFilter filter) {
        ResponseFilter.Where where = filter.where();
        Map<String, long[]> counts = new TreeMap<>();
        query("select r.campaign_id, r.score, count(*) from response r where " + where.sql()
                + " group by r.campaign_id, r.score", where,
                rs -> counts.computeIfAbsent(rs.getString(1), k -> new long[11])[rs.getInt(2)] += rs.getLong(3));
        Map<String, NpsFigures> figures = new LinkedHashMap<>();
        counts.forEach((campaign, c) -> figures.put(campaign, NpsFigures.of(c)));
        return figures;
    }

    /** NPS per channel or per location ({@code column} is "channel" or "location"; no location shows as "—"). */
    public Map<String, NpsFigures> split(ResponseFilter filter, String column) {
        if (!column.equals("channel") && !column.equals("location")) {
            throw new IllegalArgumentException(column);
        }
        ResponseFilter.Where where = filter.where();
        Map<String, long[]> counts = new TreeMap<>();
        query("select r." + column + ", r.score, count(*) from response r where " + where.sql()
                + " group by r." + column + ", r.score", where, rs -> {
                    String key = rs.getString(1);
                    counts.computeIfAbsent(key == null ? "—" : key, k -> new long[11])[rs.getInt(2)] += rs.getLong(3);
                });
        Map<String, NpsFigures> figures = new LinkedHashMap<>();
        counts.forEach((key, c) -> figures.put(key, NpsFigures.of(c)));
        return figures;
    }

    /** One point per day, week (from Monday) or month of the filter's period, empty ones included. */
    public List<TrendPoint> trend(ResponseFilter filter, Bucket bucket) {
        ZoneId zone = filter.zone();
        int slotSeconds = slotSeconds(zone, filter.start(), filter.end());
        ResponseFilter.Where where = filter.where();
        String slot = "floor(extract(epoch from r.answered_at) / " + slotSeconds + ")";
        Map<LocalDate, long[]> counts = new TreeMap<>();
        query("select " + slot + ", r.score, count(*) from response r where " + where.sql()
                + " group by " + slot + ", r.score", where, rs -> {
                    Instant slotStart = Instant.ofEpochSecond(rs.getLong(1) * slotSeconds);
                    LocalDate day = slotStart.atZone(zone).toLocalDate();
                    counts.computeIfAbsent(bucket.start(day), k -> new long[11])[rs.getInt(2)] += rs.getLong(3);
                });
        List<TrendPoint> points = new ArrayList<>();
        if (filter.from() == null || filter.to() == null) {
            counts.forEach((start, c) -> points.add(new TrendPoint(start, bucket.label(start), NpsFigures.of(c))));
            return points;
        }
        for (LocalDate start = bucket.start(filter.from()); !start.isAfter(filter.to()); start = bucket.next(start)) {
            long[] c = counts.getOrDefault(start, new long[11]);
            points.add(new TrendPoint(start, bucket.label(start), NpsFigures.of(c)));
        }
        return points;
    }

    /**
     * Hour slots are exact when every offset the zone uses in the period is a whole number of hours; zones
     * such as Asia/Kolkata (+5:30) or Australia/Lord_Howe (30-minute DST) need quarter-hour slots.
     */
    static int slotSeconds(ZoneId zone, Instant start, Instant end) {
        var rules = zone.getRules();
        Instant from = start == null ? Instant.parse("2000-01-01T00:00:00Z") : start;
        Instant to = end == null ? Instant.now().plusSeconds(86_400) : end;
        if (rules.getOffset(from).getTotalSeconds() % 3600 != 0) {
            return 900;
        }
        ZoneOffsetTransition transition = rules.nextTransition(from);
        while (transition != null && transition.getInstant().isBefore(to)) {
            if (transition.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
                return 900;
            }
            transition = rules.nextTransition(transition.getInstant());
        }
        return 3600;
    }

    private void query(String sql, ResponseFilter.Where where, RowReader reader) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute dashboard figures", e);
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** A trend point: the bucket's first day, its label and its figures. */
    public record TrendPoint(LocalDate start, String label, NpsFigures figures) {
    }

    /** How the trend groups days. */
    public enum Bucket {
        DAY, WEEK, MONTH;

        public LocalDate start(LocalDate day) {
            return switch (this) {
                case DAY -> day;
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTH -> day.withDayOfMonth(1);
            };
        }

        LocalDate next(LocalDate start) {
            return switch (this) {
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
            };
        }

        String label(LocalDate start) {
            return switch (this) {
                case DAY, WEEK -> start.toString();
                case MONTH -> start.toString().substring(0, 7);
            };
        }

        public static Bucket parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return DAY;
            }
            try {
                return valueOf(raw.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw org.tapscore.server.web.ApiException.badRequest("bad-bucket", "'bucket' is day, week or month");
            }
        }
    }
}
