package org.tapscore.server.response;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;
import org.tapscore.server.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads responses page by page in the order they were received. The cursor is the last row's (receivedAt, id),
 * so pages stay stable while new answers keep arriving: a sync that resumes from a cursor misses nothing.
 */
public final class ResponseQuery {
    private static final String SELECT = "select r.id, r.campaign_id, r.score, r.comment, r.channel, r.locale, "
            + "r.location, r.device, r.invitation, r.page_url, r.answered_at, r.received_at, p.external_id, p.name, p.company "
            + "from response r left join respondent p on p.id = r.respondent_id ";

    private final Database db;

    public ResponseQuery(Database db) {
        this.db = db;
    }

    public Page page(String campaignId, String cursor, int limit) {
        Cursor after = Cursor.parse(cursor);
        String sql = SELECT + "where r.campaign_id = ?"
                + (after == null ? "" : " and (r.received_at > ? or (r.received_at = ? and r.id > ?))")
                + " order by r.received_at, r.id limit ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, campaignId);
            if (after != null) {
                Sql.setInstant(ps, i++, after.receivedAt());
                Sql.setInstant(ps, i++, after.receivedAt());
                ps.setObject(i++, after.id());
            }
            ps.setInt(i, limit + 1);
            List<ResponseItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(read(rs));
                }
            }
            String next = null;
            if (items.size() > limit) {
                items.removeLast();
                ResponseItem last = items.getLast();
                next = new Cursor(last.receivedAt(), last.id()).encode();
            }
            return new Page(items, next);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list responses of " + campaignId, e);
        }
    }

    public Optional<ResponseItem> find(UUID id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(SELECT + "where r.id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read response " + id, e);
        }
    }

    private static ResponseItem read(ResultSet rs) throws SQLException {
        int score = rs.getInt("score");
        String externalId = rs.getString("external_id");
        return new ResponseItem(Sql.uuid(rs, "id"), rs.getString("campaign_id"), score, Category.of(score),
                rs.getString("comment"), Channel.valueOf(rs.getString("channel")), rs.getString("locale"),
                rs.getString("location"), rs.getString("device"), rs.getString("invitation"),
                externalId == null ? null
                        : new ResponseItem.RespondentRef(externalId, rs.getString("name"), rs.getString("company")),
                rs.getString("page_url"),
                Sql.instant(rs, "answered_at"), Sql.instant(rs, "received_at"));
    }

    /** One page and the cursor of the next, or null at the end. */
    public record Page(List<ResponseItem> items, String nextCursor) {
    }

    private record Cursor(Instant receivedAt, UUID id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((receivedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ApiException.badRequest("bad-cursor", "The cursor is not one this API gave out");
            }
        }
    }
}
