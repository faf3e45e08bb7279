package org.tapscore.server.admin;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;
import org.tapscore.server.response.Category;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/** Filtered responses, newest first: pages for the list, a stream of all rows for exports. */
public final class ResponseList {
    private static final String SELECT = "select r.id, r.campaign_id, r.score, r.comment, r.channel, r.locale, "
            + "r.location, r.device, r.answered_at, r.received_at, p.external_id, p.email, p.name "
            + "from response r left join respondent p on p.id = r.respondent_id where ";

    private final Database db;

    public ResponseList(Database db) {
        this.db = db;
    }

    /** Page {@code page} (from 0) of {@code size} rows, and whether another page follows. */
    public Page page(ResponseFilter filter, int page, int size) {
        List<Row> rows = new ArrayList<>();
        read(filter, "", " limit " + (size + 1) + " offset " + ((long) page * size), rows::add);
        boolean more = rows.size() > size;
        return new Page(more ? rows.subList(0, size) : rows, page, more);
    }

    /** One response by id. */
    public java.util.Optional<Row> find(UUID id) {
        List<Row> rows = new ArrayList<>();
        ResponseFilter all = new ResponseFilter(null, null, null, null, null, null, null, null,
                java.time.ZoneOffset.UTC, false);
        read(all, " and r.id = ?", "", rows::add, id);
        return rows.stream().findFirst();
    }

    /** The newest {@code limit} rows that have a comment. */
    public List<Row> latestComments(ResponseFilter filter, int limit) {
        List<Row> rows = new ArrayList<>();
        read(filter, " and r.comment is not null and r.comment <> ''", " limit " + limit, rows::add);
        return rows;
    }

    /** Every matching row, newest first, handed over one by one (exports stream them). */
    public void each(ResponseFilter filter, Consumer<Row> consumer) {
        read(filter, "", "", consumer);
    }

    public long count(ResponseFilter filter) {
        ResponseFilter.Where where = filter.where();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select count(*) from response r where " + where.sql())) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count responses", e);
        }
    }

    private void read(ResponseFilter filter, String extra, String limit, Consumer<Row> consumer, Object... more) {
        ResponseFilter.Where where = filter.where();
        String sql = SELECT + where.sql() + extra + " order by r.answered_at desc, r.id desc" + limit;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int index = where.bind(ps, 1);
            for (Object param : more) {
                ps.setObject(index++, param);
            }
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int score = rs.getInt("score");
                    consumer.accept(new Row(Sql.uuid(rs, "id"), rs.getString("campaign_id"), score,
                            Category.of(score).key(), rs.getString("comment"), rs.getString("channel"),
                            rs.getString("locale"), rs.getString("location"), rs.getString("device"),
                            rs.getString("external_id"), rs.getString("email"), rs.getString("name"),
                            Sql.instant(rs, "answered_at"), Sql.instant(rs, "received_at")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list responses", e);
        }
    }

    /** One response as lists and exports show it. */
    public record Row(UUID id, String campaign, int score, String category, String comment, String channel,
                      String locale, String location, String device, String respondent, String respondentEmail,
                      String respondentName, Instant answeredAt, Instant receivedAt) {
    }

    /** A page of rows. */
    public record Page(List<Row> rows, int page, boolean more) {
    }
}
