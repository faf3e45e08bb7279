package org.tapscore.server.admin;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** SQL for admin users. E-mail addresses are kept in lower case, so sign-in ignores case. */
public final class UserRepository {
    private final Database db;

    public UserRepository(Database db) {
        this.db = db;
    }

    /** Inserts a user; false when the e-mail address is taken. */
    public boolean insert(String email, String passwordHash, Role role, Instant now) {
        String sql = "insert into admin_user (id, email, password_hash, role, created_at) values (?, ?, ?, ?, ?) "
                + "on conflict do nothing";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, normalize(email));
            ps.setString(3, passwordHash);
            ps.setString(4, role.name());
            Sql.setInstant(ps, 5, now);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a user", e);
        }
    }

    /** The user and their password hash. */
    public Optional<WithHash> findByEmail(String email) {
        return one("select id, email, role, time_zone, password_hash from admin_user where email = ?",
                normalize(email));
    }

    public Optional<AdminUser> find(UUID id) {
        return one("select id, email, role, time_zone, password_hash from admin_user where id = ?", id)
                .map(WithHash::user);
    }

    public List<AdminUser> list() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "select id, email, role, time_zone, password_hash from admin_user order by email");
             ResultSet rs = ps.executeQuery()) {
            List<AdminUser> users = new ArrayList<>();
            while (rs.next()) {
                users.add(read(rs).user());
            }
            return users;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list users", e);
        }
    }

    public void setTimeZone(UUID id, String zone) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("update admin_user set time_zone = ? where id = ?")) {
            ps.setString(1, zone);
            ps.setObject(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change a user's time zone", e);
        }
    }

    private Optional<WithHash> one(String sql, Object key) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a user", e);
        }
    }

    private static WithHash read(ResultSet rs) throws SQLException {
        return new WithHash(new AdminUser(Sql.uuid(rs, "id"), rs.getString("email"), Role.valueOf(rs.getString("role")),
                rs.getString("time_zone")), rs.getString("password_hash"));
    }

    static String normalize(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** A user with the stored hash, for sign-in only. */
    public record WithHash(AdminUser user, String passwordHash) {
    }
}
