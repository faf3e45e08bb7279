package org.tapscore.server.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/**
 * Secrets every node of a cluster must share (such as the key that signs edit tokens), created once in the
 * database by whichever node starts first.
 */
public final class ServerSecrets {
    private ServerSecrets() {
    }

    public static byte[] getOrCreate(Database db, String name) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try (Connection c = db.connection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into server_secret (name, secret) values (?, ?) on conflict do nothing")) {
                insert.setString(1, name);
                insert.setString(2, Base64.getEncoder().encodeToString(random));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("select secret from server_secret where name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return Base64.getDecoder().decode(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the server secret " + name, e);
        }
    }
}
