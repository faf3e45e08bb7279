package org.tapscore.server.summary;

import org.tapscore.server.db.Sql;
import org.tapscore.server.response.StoredResponse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps {@code response_hourly} in step with {@code response}: the caller adds the rows it has just inserted,
 * on the same connection and in the same transaction, so the counts can never disagree with the answers.
 */
public final class HourlyRollup {
    private HourlyRollup() {
    }

    /** Counts newly inserted answers; suspect ones are left out like everywhere else. */
    public static void add(Connection c, Iterable<StoredResponse> inserted) throws SQLException {
        // Sorted keys: two writers touching the same buckets lock them in the same order and never deadlock.
        Map<Key, Long> increments = new TreeMap<>();
        for (StoredResponse row : inserted) {
            if (!row.suspect()) {
                increments.merge(new Key(row.campaignId(), bucket(row.answeredAt()), row.score()), 1L, Long::sum);
            }
        }
        if (increments.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("update response_hourly set answers = answers + ? "
                + "where campaign_id = ? and bucket = ? and score = ?");
             PreparedStatement insert = c.prepareStatement("insert into response_hourly "
                     + "(campaign_id, bucket, score, answers) values (?, ?, ?, ?) on conflict do nothing")) {
            for (Map.Entry<Key, Long> entry : increments.entrySet()) {
                Key key = entry.getKey();
                if (update(update, key, entry.getValue()) == 0 && insert(insert, key, entry.getValue()) == 0
                        && update(update, key, entry.getValue()) == 0) {
                    throw new SQLException("Could not count answers for " + key);
                }
            }
        }
    }

    /** Recounts everything from {@code response}; for migrations and bulk loads that bypass the recorder. */
    public static void rebuild(Connection c) throws SQLException {
        Map<Key, Long> counts = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("select campaign_id, answered_at, score from response where not suspect")) {
                while (rs.next()) {
                    counts.merge(new Key(rs.getString(1), bucket(Sql.instant(rs, "answered_at")), rs.getInt(3)),
                            1L, Long::sum);
                }
            }
            s.executeUpdate("delete from response_hourly");
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into response_hourly (campaign_id, bucket, score, answers) values (?, ?, ?, ?)")) {
            for (Map.Entry<Key, Long> entry : counts.entrySet()) {
                insert(insert, entry.getKey(), entry.getValue());
            }
        }
    }

    public static Instant bucket(Instant answeredAt) {
        return answeredAt.truncatedTo(ChronoUnit.HOURS);
    }

    private static int update(PreparedStatement ps, Key key, long increment) throws SQLException {
        ps.setLong(1, increment);
        ps.setString(2, key.campaignId());
        Sql.setInstant(ps, 3, key.bucket());
        ps.setInt(4, key.score());
        return ps.executeUpdate();
    }

    private static int insert(PreparedStatement ps, Key key, long answers) throws SQLException {
        ps.setString(1, key.campaignId());
        Sql.setInstant(ps, 2, key.bucket());
        ps.setInt(3, key.score());
        ps.setLong(4, answers);
        return ps.executeUpdate();
    }

    private record Key(String campaignId, Instant bucket, int score) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byCampaign = campaignId.compareTo(other.campaignId);
            if (byCampaign != 0) {
                return byCampaign;
            }
            int byBucket = bucket.compareTo(other.bucket);
            return byBucket != 0 ? byBucket : Integer.compare(score, other.score);
        }
    }
}
