package org.tapscore.server.qr;

import org.tapscore.qr.link.CampaignLink;
import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Remembers which campaign and location a short code stands for, so {@code /q/{code}} can send people on. */
public final class ShortLinks {
    private final Database db;
    private final Clock clock;

    public ShortLinks(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores the code of a shortened link; a code already taken by another link is refused. */
    public void remember(CampaignLink link) {
        String location = link.location().orElse(null);
        try (Connection c = db.connection()) {
            try (PreparedStatement insert = c.prepareStatement("insert into qr_link (code, campaign_id, location, "
                    + "created_at) values (?, ?, ?, ?) on conflict do nothing")) {
                insert.setString(1, link.shortCode());
                insert.setString(2, link.campaign());
                insert.setString(3, location);
                Sql.setInstant(insert, 4, clock.instant());
                insert.executeUpdate();
            }
            Target stored = find(c, link.shortCode()).orElseThrow();
            if (!stored.campaign().equals(link.campaign()) || !Objects.equals(stored.location(), location)) {
                // Two links whose hashes collide: the first keeps the code, the second must not print it.
                throw new IllegalStateException("Short code " + link.shortCode() + " is taken by another link");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a short link", e);
        }
    }

    public Optional<Target> resolve(String code) {
        try (Connection c = db.connection()) {
            return find(c, code);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a short link", e);
        }
    }

    private static Optional<Target> find(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select campaign_id, location from qr_link where code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Target(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** Where a short code leads. */
    public record Target(String campaign, String location) {
    }
}
