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
import java.util.ArrayList;
import java.util.List;

/**
 * Counts answers by score over a period of whole days in a time zone, and derives everything else from those
 * eleven numbers. Answers flagged as suspect (rapid repeat taps on a kiosk) are left out.
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

    private long[] countByScore(String campaignId, Instant start, Instant end) {
        StringBuilder sql = new StringBuilder(
                "select score, count(*) from response where campaign_id = ? and not suspect");
        if (start != null) {
            sql.append(" and answered_at >= ?");
        }
        if (end != null) {
            sql.append(" and answered_at < ?");
        }
        sql.append(" group by score");
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int index = 1;
            ps.setString(index++, campaignId);
            if (start != null) {
                Sql.setInstant(ps, index++, start);
            }
            if (end != null) {
                Sql.setInstant(ps, index, end);
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
}
