package org.tapscore.server.wave;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The hold a node has on a wave while it plans it, and what a stopped planner left behind, so that another
 * node (or a retry with the same idempotency key) finishes the wave instead of leaving it half planned.
 */
public final class WavePlanning {
    private final Database db;

    public WavePlanning(Database db) {
        this.db = db;
    }

    /** Takes up a wave still in planning whose planner's hold ran out; false when another node holds it. */
    public boolean claimPlanning(UUID id, Instant now, Instant until) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("update wave "
                + "set planning_until = ? where id = ? and status = 'PLANNING' "
                + "and (planning_until is null or planning_until < ?)")) {
            Sql.setInstant(ps, 1, until);
            ps.setObject(2, id);
            Sql.setInstant(ps, 3, now);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim a wave for planning", e);
        }
    }

    /**
     * Extends the planner's hold; called with each committed batch, so only a stopped planner loses it. False when
     * the wave was cancelled meanwhile: the planner then drops its uncommitted batch and stops.
     */
    public boolean holdPlanning(Connection c, UUID id, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update wave set planning_until = ? where id = ? "
                + "and status = 'PLANNING'")) {
            Sql.setInstant(ps, 1, until);
            ps.setObject(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Waves left in planning past their hold (their planner stopped mid-way). */
    public List<UUID> stalled(Instant now) {
        List<UUID> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select id from wave "
                + "where status = 'PLANNING' and (planning_until is null or planning_until < ?)")) {
            Sql.setInstant(ps, 1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Sql.uuid(rs, "id"));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list stalled waves", e);
        }
    }

    /** Respondents a wave has already dealt with (invited or skipped), and its latest planned send time. */
    public Planned planned(UUID waveId) {
        Set<UUID> done = new HashSet<>();
        Instant last = null;
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("select respondent_id, send_at from invitation "
                    + "where wave_id = ?")) {
                ps.setObject(1, waveId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        done.add(Sql.uuid(rs, "respondent_id"));
                        Instant at = Sql.instant(rs, "send_at");
                        last = last == null || at.isAfter(last) ? at : last;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select respondent_id from wave_skip where wave_id = ?")) {
                ps.setObject(1, waveId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        done.add(Sql.uuid(rs, "respondent_id"));
                    }
                }
            }
            return new Planned(done, last);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read what a wave has planned", e);
        }
    }

    /** See {@link #planned(UUID)}; {@code lastSendAt} is null when nobody was invited yet. */
    public record Planned(Set<UUID> respondents, Instant lastSendAt) {
    }
}
