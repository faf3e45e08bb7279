package org.tapscore.server.response;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;
import org.tapscore.server.summary.HourlyRollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for responses. Inserts take a connection so the recorder can put many into one transaction. */
public final class ResponseRepository {
    private static final String COLUMNS = "id, campaign_id, score, comment, channel, locale, location, device, "
            + "respondent_id, invitation, page_url, idempotency_key, suspect, answered_at, received_at";
    // "do nothing" on a repeated idempotency key: the caller then reads the first answer back.
    private static final String INSERT = "insert into response (" + COLUMNS + ") "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

    private final Database db;

    public ResponseRepository(Database db) {
        this.db = db;
    }

    /**
     * Inserts the rows in one batch on {@code c} (the caller commits) and returns, for each row, the stored
     * response: the row itself when it was new, or the earlier answer with the same idempotency key. New rows
     * are counted in the hourly rollup in the same transaction.
     */
    public List<Recorded> insertAll(Connection c, List<StoredResponse> rows) throws SQLException {
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (StoredResponse row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        List<Recorded> recorded = new ArrayList<>(rows.size());
        List<StoredResponse> inserted = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            StoredResponse row = rows.get(i);
            if (counts[i] == 1) {
                recorded.add(new Recorded(row, true));
                inserted.add(row);
            } else {
                StoredResponse first = findByKey(c, row.campaignId(), row.idempotencyKey())
                        .orElseThrow(() -> new SQLException("Insert skipped but no earlier answer found"));
                recorded.add(new Recorded(first, first.id().equals(row.id())));
            }
        }
        HourlyRollup.add(c, inserted);
        return recorded;
    }

    public Optional<StoredResponse> find(UUID id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from response where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read response " + id, e);
        }
    }

    /** Sets the comment of a response; false when there is no such response. */
    public boolean attachComment(UUID id, String comment, Instant now) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "update response set comment = ?, comment_at = ? where id = ?")) {
            ps.setString(1, comment);
            Sql.setInstant(ps, 2, now);
            ps.setObject(3, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not attach a comment to " + id, e);
        }
    }

    private static Optional<StoredResponse> findByKey(Connection c, String campaignId, String key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from response where campaign_id = ? and idempotency_key = ?")) {
            ps.setString(1, campaignId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement ps, StoredResponse row) throws SQLException {
        ps.setObject(1, row.id());
        ps.setString(2, row.campaignId());
        ps.setInt(3, row.score());
        ps.setString(4, row.comment());
        ps.setString(5, row.channel().name());
        ps.setString(6, row.locale());
        ps.setString(7, row.location());
        ps.setString(8, row.device());
        ps.setObject(9, row.respondentId());
        ps.setString(10, row.invitation());
        ps.setString(11, row.pageUrl());
        ps.setString(12, row.idempotencyKey());
        ps.setBoolean(13, row.suspect());
        Sql.setInstant(ps, 14, row.answeredAt());
        Sql.setInstant(ps, 15, row.receivedAt());
    }

    static StoredResponse read(ResultSet rs) throws SQLException {
        return new StoredResponse(Sql.uuid(rs, "id"), rs.getString("campaign_id"), rs.getInt("score"),
                rs.getString("comment"), Channel.valueOf(rs.getString("channel")), rs.getString("locale"),
                rs.getString("location"), rs.getString("device"), Sql.uuid(rs, "respondent_id"),
                rs.getString("invitation"), rs.getString("page_url"), rs.getString("idempotency_key"),
                rs.getBoolean("suspect"), Sql.instant(rs, "answered_at"), Sql.instant(rs, "received_at"));
    }

    /** A stored answer and whether this call created it (false: the idempotency key was seen before). */
    public record Recorded(StoredResponse response, boolean created) {
    }
}
