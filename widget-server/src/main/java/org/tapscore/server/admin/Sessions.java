package org.tapscore.server.admin;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in sessions, kept in the database so any node can serve any request. The cookie holds 256 random bits;
 * the table holds their SHA-256 only. Each session has its own CSRF token (the synchronizer token pattern):
 * every form carries it and every POST must send it back.
 */
public final class Sessions {
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;

    public Sessions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Starts a session and returns the cookie value (shown to the browser only). */
    public String start(UUID userId) {
        String token = random();
        Instant now = clock.instant();
        String sql = "insert into admin_session (token_hash, user_id, csrf_token, created_at, expires_at) "
                + "values (?, ?, ?, ?, ?)";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ApiKeys.hash(token));
            ps.setObject(2, userId);
            ps.setString(3, random());
            Sql.setInstant(ps, 4, now);
            Sql.setInstant(ps, 5, now.plus(LIFETIME));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start a session", e);
        }
        return token;
    }

    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String sql = "select s.csrf_token, u.id, u.email, u.role, u.time_zone from admin_session s "
                + "join admin_user u on u.id = s.user_id where s.token_hash = ? and s.expires_at > ?";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ApiKeys.hash(token));
            Sql.setInstant(ps, 2, clock.instant());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Session(new AdminUser(Sql.uuid(rs, "id"), rs.getString("email"),
                        Role.valueOf(rs.getString("role")), rs.getString("time_zone")), rs.getString("csrf_token")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a session", e);
        }
    }

    /** Ends a session (logout) and sweeps expired ones while at it. */
    public void end(String token) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "delete from admin_session where token_hash = ? or expires_at < ?")) {
            ps.setString(1, ApiKeys.hash(token == null ? "" : token));
            Sql.setInstant(ps, 2, clock.instant());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end a session", e);
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A signed-in user and the CSRF token their forms must carry. */
    public record Session(AdminUser user, String csrfToken) {
        /** Constant-time comparison of a posted token with this session's. */
        public boolean csrfMatches(String posted) {
            return posted != null && MessageDigest.isEqual(posted.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    csrfToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
