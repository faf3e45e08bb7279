package org.tapscore.server.invitation;

import org.tapscore.server.campaign.Journey;
import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;
import org.tapscore.server.response.Channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for invitations and their delivery queue. The queue is the {@code next_attempt_at} column: a row is due
 * when it is in the past. Claiming uses {@code FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 2.x both have it),
 * so nodes sharing one database each take different rows, and moves the row's time forward as a lease.
 */
public final class InvitationRepository {
    private static final String COLUMNS = "id, token, campaign_id, respondent_id, channel, journey, status, "
            + "idempotency_key, locale, created_at, send_at, expires_at, sent_at, reminder_at, reminded_at, "
            + "next_attempt_at, attempts";

    private final Database db;

    public InvitationRepository(Database db) {
        this.db = db;
    }

    public Database db() {
        return db;
    }

    public void insert(Connection c, Invitation inv) throws SQLException {
        insert(c, inv, null);
    }

    /** Stores an invitation that belongs to a wave ({@code waveId} null: a single trigger). */
    public void insert(Connection c, Invitation inv, UUID waveId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into invitation (" + COLUMNS + ", wave_id) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, inv.id());
            ps.setString(2, inv.token());
            ps.setString(3, inv.campaignId());
            ps.setObject(4, inv.respondentId());
            ps.setString(5, inv.channel().name());
            ps.setString(6, inv.journey().name());
            ps.setString(7, inv.status().name());
            ps.setString(8, inv.idempotencyKey());
            ps.setString(9, inv.locale());
            Sql.setInstant(ps, 10, inv.createdAt());
            Sql.setInstant(ps, 11, inv.sendAt());
            Sql.setInstant(ps, 12, inv.expiresAt());
            Sql.setInstant(ps, 13, inv.sentAt());
            Sql.setInstant(ps, 14, inv.reminderAt());
            Sql.setInstant(ps, 15, inv.remindedAt());
            Sql.setInstant(ps, 16, inv.nextAttemptAt());
            ps.setInt(17, inv.attempts());
            ps.setObject(18, waveId);
            ps.executeUpdate();
        }
    }

    public Optional<Invitation> findByToken(String token) {
        return findOne("token = ?", token);
    }

    public Optional<Invitation> findByIdempotencyKey(String key) {
        return findOne("idempotency_key = ?", key);
    }

    public Optional<Invitation> findByIdempotencyKey(Connection c, String key) throws SQLException {
        return find(c, "idempotency_key = ?", key);
    }

    /** Locks the respondent's row until {@code c} commits: fatigue checks of one person run one at a time. */
    public void lockRespondent(Connection c, UUID respondentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from respondent where id = ? for update")) {
            ps.setObject(1, respondentId);
            ps.executeQuery().close();
        }
    }

    /** The latest send time of the respondent's invitations to this campaign (cancelled ones excluded). */
    public Optional<Instant> latestSendAt(Connection c, UUID respondentId, String campaignId) throws SQLException {
        return latest(c, "campaign_id = ?", respondentId, campaignId);
    }

    /** The latest send time of the respondent's invitations to any relationship campaign. */
    public Optional<Instant> latestRelationshipSendAt(Connection c, UUID respondentId) throws SQLException {
        return latest(c, "journey = ?", respondentId, Journey.RELATIONSHIP.name());
    }

    private Optional<Instant> latest(Connection c, String condition, UUID respondentId, String value)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select max(send_at) as latest from invitation "
                + "where respondent_id = ? and status <> 'CANCELLED' and " + condition)) {
            ps.setObject(1, respondentId);
            ps.setString(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(Sql.instant(rs, "latest")) : Optional.empty();
            }
        }
    }

    /**
     * Claims up to {@code limit} due invitations for this node: their {@code next_attempt_at} moves to
     * {@code leaseUntil} and their attempt count goes up, in one short transaction. Rows another node holds
     * locked are skipped, not waited for.
     */
    public List<Invitation> claimDue(Instant now, Instant leaseUntil, int limit) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id from invitation where next_attempt_at <= ? "
                    + "order by next_attempt_at limit ? for update skip locked")) {
                Sql.setInstant(ps, 1, now);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(Sql.uuid(rs, "id"));
                    }
                }
            }
            List<Invitation> claimed = new ArrayList<>(ids.size());
            try (PreparedStatement ps = c.prepareStatement(
                    "update invitation set next_attempt_at = ?, attempts = attempts + 1 where id = ?")) {
                for (UUID id : ids) {
                    Sql.setInstant(ps, 1, leaseUntil);
                    ps.setObject(2, id);
                    ps.addBatch();
                }
                if (!ids.isEmpty()) {
                    ps.executeBatch();
                }
            }
            for (UUID id : ids) {
                claimed.add(find(c, "id = ?", id).orElseThrow());
            }
            c.commit();
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim due invitations", e);
        }
    }

    /** First delivery done; the row comes due again at {@code reminderAt} when a reminder is planned. */
    public void markSent(UUID id, Instant now, Instant reminderAt) {
        update("update invitation set status = 'SENT', sent_at = ?, reminder_at = ?, next_attempt_at = ?, "
                + "attempts = 0, last_error = null where id = ?", now, reminderAt, reminderAt, id);
    }

    public void markReminded(UUID id, Instant now) {
        update("update invitation set reminded_at = ?, next_attempt_at = null, last_error = null where id = ?",
                now, id);
    }

    /** Nothing (more) to deliver: answered, expired or erased. */
    public void settle(UUID id) {
        update("update invitation set next_attempt_at = null where id = ?", id);
    }

    /** Comes due again later; an invitation cancelled while it was being tried (a stopped wave) stays cancelled. */
    public void markRetry(UUID id, Instant nextAttemptAt, String error) {
        update("update invitation set next_attempt_at = ?, last_error = ? where id = ? and status <> 'CANCELLED'",
                nextAttemptAt, truncate(error), id);
    }

    /** Not an attempt (nothing was tried): waits without using up retries. Cancelled ones are not brought back. */
    public void postpone(UUID id, Instant nextAttemptAt, String reason) {
        update("update invitation set next_attempt_at = ?, attempts = 0, last_error = ? where id = ? "
                + "and status <> 'CANCELLED'", nextAttemptAt, truncate(reason), id);
    }

    public void markFailed(UUID id, String error) {
        update("update invitation set status = case when status = 'SCHEDULED' then 'FAILED' else status end, "
                + "next_attempt_at = null, last_error = ? where id = ?", truncate(error), id);
    }

    /**
     * Notes the first time the personal page was opened. It is the only "opened" signal there is (no tracking
     * pixel), and it counts a mail scanner that follows the link as well as the person.
     */
    public void markOpened(String token, Instant now) {
        update("update invitation set opened_at = ? where token = ? and opened_at is null", now, token);
    }

    /** Whether the invitation already has its answer. */
    public boolean answered(String token) {
        return answeredScore(token).isPresent();
    }

    /** The score given through the invitation, if any. */
    public Optional<Integer> answeredScore(String token) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select score from response where invitation = ?")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt("score")) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check an invitation's answer", e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Instant instant || params[i] == null) {
                    Sql.setInstant(ps, i + 1, (Instant) params[i]);
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update an invitation", e);
        }
    }

    private Optional<Invitation> findOne(String condition, Object value) {
        try (Connection c = db.connection()) {
            return find(c, condition, value);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read an invitation", e);
        }
    }

    private static Optional<Invitation> find(Connection c, String condition, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from invitation where " + condition)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Invitation read(ResultSet rs) throws SQLException {
        return new Invitation(Sql.uuid(rs, "id"), rs.getString("token"), rs.getString("campaign_id"),
                Sql.uuid(rs, "respondent_id"), Channel.valueOf(rs.getString("channel")),
                Journey.valueOf(rs.getString("journey")), InvitationStatus.valueOf(rs.getString("status")),
                rs.getString("idempotency_key"), rs.getString("locale"), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "send_at"), Sql.instant(rs, "expires_at"), Sql.instant(rs, "sent_at"),
                Sql.instant(rs, "reminder_at"), Sql.instant(rs, "reminded_at"), Sql.instant(rs, "next_attempt_at"),
                rs.getInt("attempts"));
    }

    private static String truncate(String error) {
        return error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
    }
}
