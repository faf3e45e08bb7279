package org.tapscore.server.targets;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code nps_target}: at most one row per campaign. */
public final class TargetRepository {
    private static final String COLUMNS = "campaign_id, target_nps, target_date, time_zone, baseline_nps, baseline_n, "
            + "baseline_date, set_by, set_at";

    private final Database db;

    public TargetRepository(Database db) {
        this.db = db;
    }

    /** Stores the target, replacing the campaign's previous one. */
    public void save(NpsTarget target) {
        // Insert first and update when a row is there: both work alike on H2 and PostgreSQL, and two people
        // setting a target at the same moment end with one of theirs rather than a key violation.
        try (Connection c = db.connection()) {
            try (PreparedStatement insert = c.prepareStatement("insert into nps_target (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                bind(insert, target);
                if (insert.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement update = c.prepareStatement("update nps_target set campaign_id = ?, "
                    + "target_nps = ?, target_date = ?, time_zone = ?, baseline_nps = ?, baseline_n = ?, "
                    + "baseline_date = ?, set_by = ?, set_at = ? where campaign_id = ?")) {
                bind(update, target);
                update.setString(10, target.campaign());
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store an NPS target", e);
        }
    }

    public Optional<NpsTarget> find(String campaign) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from nps_target where campaign_id = ?")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read an NPS target", e);
        }
    }

    public List<NpsTarget> list() {
        List<NpsTarget> targets = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from nps_target order by campaign_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                targets.add(read(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list NPS targets", e);
        }
        return targets;
    }

    /** False when the campaign had no target. */
    public boolean delete(String campaign) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("delete from nps_target where campaign_id = ?")) {
            ps.setString(1, campaign);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete an NPS target", e);
        }
    }

    private static void bind(PreparedStatement ps, NpsTarget t) throws SQLException {
        ps.setString(1, t.campaign());
        ps.setInt(2, t.targetNps());
        ps.setObject(3, t.targetDate());
        ps.setString(4, t.zone().getId());
        if (t.baselineNps() == null) {
            ps.setNull(5, Types.DOUBLE);
        } else {
            ps.setDouble(5, t.baselineNps());
        }
        ps.setLong(6, t.baselineAnswers());
        ps.setObject(7, t.baselineDate());
        ps.setString(8, t.setBy());
        Sql.setInstant(ps, 9, t.setAt());
    }

    private static NpsTarget read(ResultSet rs) throws SQLException {
        return new NpsTarget(rs.getString("campaign_id"), rs.getInt("target_nps"),
                rs.getObject("target_date", LocalDate.class), ZoneId.of(rs.getString("time_zone")),
                rs.getObject("baseline_nps", Double.class), rs.getLong("baseline_n"),
                rs.getObject("baseline_date", LocalDate.class), rs.getString("set_by"), Sql.instant(rs, "set_at"));
    }
}
