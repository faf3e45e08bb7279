package org.tapscore.server.kiosk;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for kiosk devices and for the anti-repeat look-up over a device's answers. */
final class KioskDeviceRepository {
    private static final String COLUMNS =
            "id, name, location, campaign_id, created_at, last_seen, last_sync, queue_depth, version";

    private final Database db;

    KioskDeviceRepository(Database db) {
        this.db = db;
    }

    void insert(UUID id, NewDevice device, String tokenHash, Instant now) {
        String sql = "insert into kiosk_device (id, name, location, campaign_id, token_hash, created_at) "
                + "values (?, ?, ?, ?, ?, ?)";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.setString(2, device.name());
            ps.setString(3, device.location());
            ps.setString(4, device.campaign());
            ps.setString(5, tokenHash);
            Sql.setInstant(ps, 6, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not register a kiosk device", e);
        }
    }

    Optional<Row> byTokenHash(String tokenHash) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from kiosk_device where token_hash = ?")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up a kiosk device", e);
        }
    }

    List<Row> list(String campaign) {
        String sql = "select " + COLUMNS + " from kiosk_device"
                + (campaign == null ? "" : " where campaign_id = ?") + " order by created_at, id";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (campaign != null) {
                ps.setString(1, campaign);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list kiosk devices", e);
        }
    }

    void heartbeat(UUID id, Instant seen, Instant lastSync, int queueDepth, String version) {
        String sql = "update kiosk_device set last_seen = ?, last_sync = coalesce(?, last_sync), queue_depth = ?, "
                + "version = ? where id = ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.setInstant(ps, 1, seen);
            Sql.setInstant(ps, 2, lastSync);
            ps.setInt(3, queueDepth);
            ps.setString(4, version);
            ps.setObject(5, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a heartbeat", e);
        }
    }

    /** Whether the device has another answer in this campaign answered within {@code window} of {@code at}. */
    boolean hasAnswerNear(String device, String campaign, Instant at, Duration window, String exceptKey) {
        String sql = "select 1 from response where device = ? and campaign_id = ? and answered_at > ? "
                + "and answered_at < ? and idempotency_key <> ? limit 1";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, device);
            ps.setString(2, campaign);
            Sql.setInstant(ps, 3, at.minus(window));
            Sql.setInstant(ps, 4, at.plus(window));
            ps.setString(5, exceptKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check for repeated taps", e);
        }
    }

    private static Row read(ResultSet rs) throws SQLException {
        return new Row(Sql.uuid(rs, "id"), rs.getString("name"), rs.getString("location"),
                rs.getString("campaign_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "last_seen"),
                Sql.instant(rs, "last_sync"), rs.getInt("queue_depth"), rs.getString("version"));
    }

    record Row(UUID id, String name, String location, String campaign, Instant createdAt, Instant lastSeen,
               Instant lastSync, int queueDepth, String version) {
    }
}
