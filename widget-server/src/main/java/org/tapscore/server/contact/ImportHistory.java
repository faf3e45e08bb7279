package org.tapscore.server.contact;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The record of contact imports, from the admin page and the API (table {@code contact_import}): who imported which
 * file when, and what it did. Kept in the database so every node shows the same list.
 */
public final class ImportHistory {
    /** Far longer than any import takes (100,000 rows: seconds), so a running one is never called interrupted. */
    private static final java.time.Duration INTERRUPTED_AFTER = java.time.Duration.ofHours(1);

    private final Database db;

    public ImportHistory(Database db) {
        this.db = db;
    }

    /** One import as the page lists it; {@code status} is storing, done, failed or interrupted. */
    public record Entry(UUID id, String fileName, String importedBy, Instant startedAt, Instant finishedAt,
                        String status, int rows, int created, int updated, int unchanged, int skipped,
                        String message, ZoneId zone) {
        private static final java.time.format.DateTimeFormatter WHEN =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

        /** When it started, to the minute, in the admin pages' zone like every other time they show. */
        public String started() {
            return WHEN.format(startedAt.atZone(zone));
        }
    }

    void started(ImportJob job, Instant now) {
        update("insert into contact_import (id, file_name, imported_by, started_at, status) values (?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, job.id());
                    ps.setString(2, job.fileName());
                    ps.setString(3, job.user());
                    Sql.setInstant(ps, 4, now);
                    ps.setString(5, "storing");
                });
    }

    /** An import that ran in one request (the API): recorded once, when it has ended. */
    void recorded(String fileName, String importedBy, Instant startedAt, Instant finishedAt, ImportResult r,
                  int skipped, String failure) {
        update("insert into contact_import (id, file_name, imported_by, started_at, finished_at, status, rows_read, "
                + "created, updated, unchanged, skipped, message) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, fileName);
                    ps.setString(3, importedBy);
                    Sql.setInstant(ps, 4, startedAt);
                    Sql.setInstant(ps, 5, finishedAt);
                    ps.setString(6, failure == null ? "done" : "failed");
                    boolean stored = failure == null && r != null;
                    ps.setInt(7, r == null ? 0 : r.rows());
                    ps.setInt(8, stored ? r.created() : 0);
                    ps.setInt(9, stored ? r.updated() : 0);
                    ps.setInt(10, stored ? r.unchanged() : 0);
                    ps.setInt(11, skipped);
                    ps.setString(12, failure == null ? null : failure.substring(0, Math.min(500, failure.length())));
                });
    }

    void finished(ImportJob job, Instant now) {
        ImportResult r = job.outcome();
        update("update contact_import set finished_at = ?, status = ?, rows_read = ?, created = ?, updated = ?, "
                + "unchanged = ?, skipped = ?, message = ? where id = ?", ps -> {
                    Sql.setInstant(ps, 1, now);
                    ps.setString(2, job.phase() == ImportJob.Phase.DONE ? "done" : "failed");
                    ps.setInt(3, r == null ? 0 : r.rows());
                    ps.setInt(4, r == null ? 0 : r.created());
                    ps.setInt(5, r == null ? 0 : r.updated());
                    ps.setInt(6, r == null ? 0 : r.unchanged());
                    ps.setInt(7, job.skipped());
                    String message = job.phase() == ImportJob.Phase.DONE ? null : job.failure();
                    ps.setString(8, message == null ? null : message.substring(0, Math.min(500, message.length())));
                    ps.setObject(9, job.id());
                });
    }

    /**
     * The latest imports. One still "storing" an hour after it started belongs to a server that stopped during
     * it: its transaction never committed, so it is shown as interrupted with nothing stored.
     */
    public List<Entry> latest(int limit, Instant now, ZoneId zone) {
        List<Entry> entries = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select * from contact_import order by started_at desc, id "
                     + "limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant started = Sql.instant(rs, "started_at");
                    boolean interrupted = "storing".equals(rs.getString("status"))
                            && started.plus(INTERRUPTED_AFTER).isBefore(now);
                    entries.add(new Entry(Sql.uuid(rs, "id"), rs.getString("file_name"), rs.getString("imported_by"),
                            started, Sql.instant(rs, "finished_at"), interrupted ? "interrupted" : rs.getString("status"),
                            rs.getInt("rows_read"), rs.getInt("created"), rs.getInt("updated"),
                            rs.getInt("unchanged"), rs.getInt("skipped"), interrupted
                                    ? "The server stopped during this import; nothing of it was stored"
                                    : rs.getString("message"), zone));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the import history", e);
        }
        return entries;
    }

    public long contactCount() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select count(*) from respondent");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the contacts", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the import", e);
        }
    }
}
