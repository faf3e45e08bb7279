package org.tapscore.server.wave;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;
import org.tapscore.server.response.Channel;
import org.tapscore.server.web.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for waves and their skips; the invitations themselves are written by the invitation repository. */
public final class WaveRepository {
    private static final String COLUMNS = "id, campaign_id, channel, name, selection, rate_per_hour, start_at, "
            + "status, created_by, created_at";

    private final Database db;

    public WaveRepository(Database db) {
        this.db = db;
    }

    public Database db() {
        return db;
    }

    public void insert(Connection c, Wave wave, String idempotencyKey, Instant planningUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into wave (" + COLUMNS + ", idempotency_key, "
                + "planning_until) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, wave.id());
            ps.setString(2, wave.campaignId());
            ps.setString(3, wave.channel().name());
            ps.setString(4, wave.name());
            ps.setString(5, Json.string(wave.selection()));
            ps.setInt(6, wave.ratePerHour());
            Sql.setInstant(ps, 7, wave.startAt());
            ps.setString(8, wave.status());
            ps.setString(9, wave.createdBy());
            Sql.setInstant(ps, 10, wave.createdAt());
            ps.setString(11, idempotencyKey);
            Sql.setInstant(ps, 12, planningUntil);
            ps.executeUpdate();
        }
    }

    /**
     * Ends planning: false when the wave was cancelled meanwhile. The update waits for a cancel that holds the
     * row and then finds the status changed, so the planner learns of it before committing its last batch.
     */
    public boolean markScheduled(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update wave set status = 'SCHEDULED' where id = ? "
                + "and status = 'PLANNING'")) {
            ps.setObject(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Cancels the wave and every invitation of it not yet sent (claimed ones already with the mail server or
     * gateway may still go out and then count as sent). Cancelled invitations weigh on nobody's fatigue window.
     *
     * @return how many invitations were cancelled
     */
    public int cancel(UUID id) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement wave = c.prepareStatement("update wave set status = 'CANCELLED', "
                    + "planning_until = null where id = ?");
                 PreparedStatement invitations = c.prepareStatement("update invitation set status = 'CANCELLED', "
                         + "next_attempt_at = null where wave_id = ? and status = 'SCHEDULED'")) {
                wave.setObject(1, id);
                wave.executeUpdate();
                invitations.setObject(1, id);
                int cancelled = invitations.executeUpdate();
                c.commit();
                return cancelled;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not cancel a wave", e);
        }
    }

    public void insertSkip(Connection c, UUID waveId, Skip skip) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into wave_skip (wave_id, respondent_id, reason, "
                + "detail, next_allowed_at) values (?, ?, ?, ?, ?)")) {
            ps.setObject(1, waveId);
            ps.setObject(2, skip.respondentId());
            ps.setString(3, skip.reason());
            ps.setString(4, skip.detail());
            Sql.setInstant(ps, 5, skip.nextAllowedAt());
            ps.executeUpdate();
        }
    }

    public Optional<Wave> find(UUID id) {
        return one("id = ?", id);
    }

    public Optional<Wave> findByIdempotencyKey(String key) {
        return one("idempotency_key = ?", key);
    }

    /** The newest waves first. */
    public List<Wave> list(int limit) {
        return query("select " + COLUMNS + " from wave order by created_at desc, id limit ?", limit);
    }

    /** Invitation counts by state: invited, queued, sent, failed, opened, answered; and the send-time range. */
    public Counts counts(UUID waveId) {
        String sql = "select count(i.id) as invited, "
                + "sum(case when i.status = 'SCHEDULED' then 1 else 0 end) as queued, "
                + "sum(case when i.status = 'SENT' then 1 else 0 end) as sent, "
                + "sum(case when i.status = 'FAILED' then 1 else 0 end) as failed, "
                + "sum(case when i.status = 'CANCELLED' then 1 else 0 end) as cancelled, "
                + "sum(case when i.opened_at is not null then 1 else 0 end) as opened, "
                + "count(r.id) as answered, min(i.send_at) as first_send, max(i.send_at) as last_send "
                + "from invitation i left join response r on r.invitation = i.token where i.wave_id = ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, waveId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong("invited"), rs.getLong("queued"), rs.getLong("sent"),
                        rs.getLong("failed"), rs.getLong("cancelled"), rs.getLong("opened"), rs.getLong("answered"),
                        Sql.instant(rs, "first_send"), Sql.instant(rs, "last_send"), skipReasons(c, waveId));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count a wave's invitations", e);
        }
    }

    /** When each sent invitation went out and, if answered, when the answer came (for the rate over time). */
    public List<Instant[]> sentAndAnswered(UUID waveId) {
        String sql = "select i.sent_at, r.received_at from invitation i left join response r "
                + "on r.invitation = i.token where i.wave_id = ? and i.sent_at is not null";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, waveId);
            List<Instant[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Instant[] {Sql.instant(rs, "sent_at"), Sql.instant(rs, "received_at")});
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a wave's timeline", e);
        }
    }

    /** The skipped respondents, by external id; erased respondents are gone from the list. */
    public List<Skip> skipped(UUID waveId, int limit) {
        String sql = "select s.respondent_id, p.external_id, s.reason, s.detail, s.next_allowed_at from wave_skip s "
                + "join respondent p on p.id = s.respondent_id where s.wave_id = ? order by p.external_id limit ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, waveId);
            ps.setInt(2, limit);
            List<Skip> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Skip(Sql.uuid(rs, "respondent_id"), rs.getString("external_id"),
                            rs.getString("reason"), rs.getString("detail"), Sql.instant(rs, "next_allowed_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list a wave's skips", e);
        }
    }

    private static Map<String, Long> skipReasons(Connection c, UUID waveId) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select reason, count(*) as n from wave_skip "
                + "where wave_id = ? group by reason order by reason")) {
            ps.setObject(1, waveId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString("reason"), rs.getLong("n"));
                }
            }
        }
        return out;
    }

    private Optional<Wave> one(String condition, Object value) {
        List<Wave> found = query("select " + COLUMNS + " from wave where " + condition, value);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    private List<Wave> query(String sql, Object value) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            List<Wave> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Wave(Sql.uuid(rs, "id"), rs.getString("campaign_id"),
                            Channel.valueOf(rs.getString("channel")), rs.getString("name"),
                            Json.read(rs.getString("selection"), Selection.class), rs.getInt("rate_per_hour"),
                            Sql.instant(rs, "start_at"), rs.getString("status"), rs.getString("created_by"),
                            Sql.instant(rs, "created_at")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read waves", e);
        }
    }

    /** A wave's invitations by state, and its skips by reason. */
    public record Counts(long invited, long queued, long sent, long failed, long cancelled, long opened, long answered,
                         Instant firstSendAt, Instant lastSendAt, Map<String, Long> skipReasons) {
        public long skipped() {
            return skipReasons.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
