package org.tapscore.server.admin;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Read-only dashboard links: 256 random bits in the URL (unguessable), only their SHA-256 in the database, and
 * revocable at any time. A link grants looking at one campaign's dashboard and nothing else.
 */
public final class ShareLinks {
    private final Database db;
    private final Clock clock;

    public ShareLinks(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a link and returns its token (shown once). */
    public String create(String campaign) {
        String token = Sessions.random();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "insert into share_link (id, token_hash, campaign_id, created_at) values (?, ?, ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, ApiKeys.hash(token));
            ps.setString(3, campaign);
            Sql.setInstant(ps, 4, clock.instant());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a share link", e);
        }
        return token;
    }

    /** The campaign a live (not revoked) link shows. */
    public Optional<String> campaignOf(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select campaign_id from share_link where token_hash = ? and revoked_at is null")) {
            ps.setString(1, ApiKeys.hash(token));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a share link", e);
        }
    }

    public List<Link> list() {
        List<Link> links = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select id, campaign_id, created_at, revoked_at from share_link order by created_at desc");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                links.add(new Link(Sql.uuid(rs, "id").toString(), rs.getString("campaign_id"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "revoked_at") != null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list share links", e);
        }
        return links;
    }

    public void revoke(UUID id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "update share_link set revoked_at = ? where id = ? and revoked_at is null")) {
            Sql.setInstant(ps, 1, clock.instant());
            ps.setObject(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not revoke a share link", e);
        }
    }

    /** A link as the settings page lists it (never with its token). */
    public record Link(String id, String campaign, Instant createdAt, boolean revoked) {
    }
}
