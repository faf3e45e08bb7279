package org.tapscore.server.alert;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for alert rules. */
public final class AlertRuleRepository {
    private static final String COLUMNS = "id, campaign_id, score_from, score_to, email, webhook_url, format, secret, "
            + "created_at";

    private final Database db;

    public AlertRuleRepository(Database db) {
        this.db = db;
    }

    public void insert(AlertRule rule) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "insert into alert_rule (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, rule.id());
            ps.setString(2, rule.campaign());
            ps.setInt(3, rule.from());
            ps.setInt(4, rule.to());
            ps.setString(5, rule.email());
            ps.setString(6, rule.webhookUrl());
            ps.setString(7, rule.format().name());
            ps.setString(8, rule.secret());
            Sql.setInstant(ps, 9, rule.createdAt());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store an alert rule", e);
        }
    }

    public List<AlertRule> list(String campaign) {
        List<AlertRule> rules = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select " + COLUMNS + " from alert_rule where campaign_id = ? order by created_at, id")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rules.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list alert rules", e);
        }
        return rules;
    }

    public Optional<AlertRule> find(UUID id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from alert_rule where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read an alert rule", e);
        }
    }

    /** Deletes a rule with its pending deliveries; false when the campaign has no such rule. */
    public boolean delete(String campaign, UUID id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "delete from alert_rule where id = ? and campaign_id = ?")) {
            ps.setObject(1, id);
            ps.setString(2, campaign);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete an alert rule", e);
        }
    }

    /** Per rule of a campaign: how many deliveries are SENT, PENDING and FAILED. */
    public java.util.Map<UUID, java.util.Map<String, Long>> deliveryCounts(String campaign) {
        java.util.Map<UUID, java.util.Map<String, Long>> counts = new java.util.HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select d.rule_id, d.status, count(*) from alert_delivery d join alert_rule r on r.id = d.rule_id "
                        + "where r.campaign_id = ? group by d.rule_id, d.status")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(Sql.uuid(rs, "rule_id"), k -> new java.util.HashMap<>())
                            .put(rs.getString(2), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count alert deliveries", e);
        }
        return counts;
    }

    static AlertRule read(ResultSet rs) throws SQLException {
        return new AlertRule(Sql.uuid(rs, "id"), rs.getString("campaign_id"), rs.getInt("score_from"),
                rs.getInt("score_to"), rs.getString("email"), rs.getString("webhook_url"),
                AlertFormat.valueOf(rs.getString("format")), rs.getString("secret"), Sql.instant(rs, "created_at"));
    }
}
