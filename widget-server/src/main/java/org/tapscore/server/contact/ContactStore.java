package org.tapscore.server.contact;

import org.tapscore.server.db.Sql;
import org.tapscore.server.web.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes contacts in batches on one connection (the importer's transaction). A contact whose stored fields are
 * already the same is left alone, so importing the same file twice changes nothing, not even a timestamp.
 */
final class ContactStore {
    private ContactStore() {
    }

    static void write(Connection c, List<ContactRow> batch, Instant now, ImportResult.Counts counts)
            throws SQLException {
        Map<String, Stored> existing = existing(c, batch);
        try (PreparedStatement insert = c.prepareStatement("insert into respondent (id, external_id, email, phone, "
                + "name, company, language, attributes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = c.prepareStatement("update respondent set email = ?, phone = ?, name = ?, "
                     + "company = ?, language = ?, attributes = ?, updated_at = ? where external_id = ?")) {
            for (ContactRow row : batch) {
                String attributes = row.attributes().isEmpty() ? null : Json.string(row.attributes());
                Stored stored = existing.get(row.key());
                if (stored == null) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, row.key());
                    bind(insert, 3, row, attributes);
                    Sql.setInstant(insert, 9, now);
                    Sql.setInstant(insert, 10, now);
                    insert.addBatch();
                    counts.created++;
                } else if (stored.differs(row, attributes)) {
                    bind(update, 1, row, attributes);
                    Sql.setInstant(update, 7, now);
                    update.setString(8, row.key());
                    update.addBatch();
                    counts.updated++;
                } else {
                    counts.unchanged++;
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int first, ContactRow row, String attributes) throws SQLException {
        ps.setString(first, row.email());
        ps.setString(first + 1, row.phone());
        ps.setString(first + 2, row.name());
        ps.setString(first + 3, row.company());
        ps.setString(first + 4, row.language());
        ps.setString(first + 5, attributes);
    }

    private static Map<String, Stored> existing(Connection c, List<ContactRow> batch) throws SQLException {
        StringBuilder sql = new StringBuilder("select external_id, email, phone, name, company, language, attributes "
                + "from respondent where external_id in (");
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        Map<String, Stored> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < batch.size(); i++) {
                ps.setString(i + 1, batch.get(i).key());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), new Stored(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return stored;
    }

    private record Stored(String email, String phone, String name, String company, String language,
                          String attributes) {
        boolean differs(ContactRow row, String rowAttributes) {
            return !Objects.equals(email, row.email()) || !Objects.equals(phone, row.phone())
                    || !Objects.equals(name, row.name()) || !Objects.equals(company, row.company())
                    || !Objects.equals(language, row.language()) || !Objects.equals(attributes, rowAttributes);
        }
    }
}
