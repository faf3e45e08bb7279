package org.tapscore.server.summary;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignType;
import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
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
        return summarize(campaign, Arrays.copyOf(counts, 11), counts[11], from, to, zone);
    }

    static Summary summarize(Campaign campaign, long[] counts, long suspect, LocalDate from, LocalDate to,
                             ZoneId zone) {
        long total = Arrays.stream(counts).sum();
        long detractors = Arrays.stream(counts, 0, 7).sum();
        long passives = counts[7] + counts[8];
        long promoters = counts[9] + counts[10];
        long scoreSum = 0;
        for (int score = 0; score <= 10; score++) {
            scoreSum += score * counts[score];
        }
        BigDecimal nps = null;
        BigDecimal average = null;
        if (total > 0) {
            average = BigDecimal.valueOf(scoreSum).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
            if (campaign.type() == CampaignType.NPS) {
                nps = BigDecimal.valueOf(100L * (promoters - detractors))
                        .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
            }
        }
        List<Long> distribution = new ArrayList<>(11);
        for (long count : counts) {
            distribution.add(count);
        }
        return new Summary(campaign.id(), campaign.type(), total, promoters, passives, detractors, nps, average,
                distribution, suspect, from, to, zone.getId());
    }

    private long[] countByScore(String campaignId, Instant start, Instant end) {
        StringBuilder sql = new StringBuilder(
                "select score, suspect, count(*) from response where campaign_id = ?");
        if (start != null) {
            sql.append(" and answered_at >= ?");
        }
        if (end != null) {
            sql.append(" and answered_at < ?");
        }
        sql.append(" group by score, suspect");
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int index = 1;
            ps.setString(index++, campaignId);
            if (start != null) {
                Sql.setInstant(ps, index++, start);
            }
            if (end != null) {
                Sql.setInstant(ps, index, end);
            }
            // Eleven score counts without suspect answers, then the number of suspect answers.
            long[] counts = new long[12];
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts[rs.getBoolean(2) ? 11 : rs.getInt(1)] += rs.getLong(3);
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not summarize campaign " + campaignId, e);
        }
    }
}
