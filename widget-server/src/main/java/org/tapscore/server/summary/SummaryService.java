package org.tapscore.server.summary;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignType;
import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts answers by score over a period of whole days in a time zone, and derives everything else from those
 * eleven numbers. Answers flagged as suspect (rapid repeat taps on a kiosk) are left out. Counting reads the
 * hourly rollup ({@link HourlyRollup}), so its cost does not grow with the number of answers.
 */
public final class SummaryService {
    private final Database db;

    public SummaryService(Database db) {
        this.db = db;
    }

    public Summary summarize(Campaign campaign, LocalDate from, LocalDate to, ZoneId zone) {
        Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
        long[] counts = countByScore(campaign.id(), start, end);
        return summarize(campaign, counts, from, to, zone);
    }

    static Summary summarize(Campaign campaign, long[] counts, LocalDate from, LocalDate to, ZoneId zone) {
        List<Long> distribution = new ArrayList<>(11);
        for (long count : counts) {
            distribution.add(count);
        }
        BigDecimal nps = campaign.type() == CampaignType.NPS ? SummaryMath.nps(counts) : null;
        return new Summary(campaign.id(), campaign.type(), SummaryMath.total(counts), SummaryMath.promoters(counts),
                SummaryMath.passives(counts), SummaryMath.detractors(counts), nps, SummaryMath.average(counts),
                distribution, from, to, zone.getId());
    }

    /**
     * Whole hours come from the rollup; the partial hours at the edges of the period (time zones with half-hour
     * offsets, or a period that does not start on the hour) are counted from the answers themselves.
     */
    long[] countByScore(String campaignId, Instant start, Instant end) {
        Instant fullFrom = start == null ? null : ceilHour(start);
        Instant fullTo = end == null ? null : HourlyRollup.bucket(end);
        if (fullFrom != null && fullTo != null && !fullFrom.isBefore(fullTo)) {
            return raw(campaignId, start, end);
        }
        long[] counts = rollup(campaignId, fullFrom, fullTo);
        if (start != null && start.isBefore(fullFrom)) {
            add(counts, raw(campaignId, start, fullFrom));
        }
        if (end != null && fullTo.isBefore(end)) {
            add(counts, raw(campaignId, fullTo, end));
        }
        return counts;
    }

    private long[] rollup(String campaignId, Instant from, Instant to) {
        return query("select score, sum(answers) from response_hourly where campaign_id = ?", "bucket",
                campaignId, from, to);
    }

    private long[] raw(String campaignId, Instant from, Instant to) {
        return query("select score, count(*) from response where campaign_id = ? and not suspect", "answered_at",
                campaignId, from, to);
    }

    private long[] query(String select, String timeColumn, String campaignId, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder(select);
        if (from != null) {
            sql.append(" and ").append(timeColumn).append(" >= ?");
        }
        if (to != null) {
            sql.append(" and ").append(timeColumn).append(" < ?");
        }
        sql.append(" group by score");
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int index = 1;
            ps.setString(index++, campaignId);
            if (from != null) {
                Sql.setInstant(ps, index++, from);
            }
            if (to != null) {
                Sql.setInstant(ps, index, to);
            }
            long[] counts = new long[11];
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts[rs.getInt(1)] = rs.getLong(2);
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not summarize campaign " + campaignId, e);
        }
    }

    private static Instant ceilHour(Instant instant) {
        Instant floor = HourlyRollup.bucket(instant);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }

    private static void add(long[] into, long[] more) {
        for (int i = 0; i < into.length; i++) {
            into[i] += more[i];
        }
    }
}
