package org.tapscore.server.contact;

import org.tapscore.server.db.Sql;
import org.tapscore.server.web.Json;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes contacts in batches on one connection (the importer's transaction), with its statements prepared once.
 * A contact whose stored fields are already the same is left alone, so importing the same file twice changes
 * nothing, not even a timestamp.
 *
 * <p>Existing respondents are looked up a batch at a time with {@code = any(?)} and one array parameter: one
 * statement text for every batch size, and a plan that uses the unique index even when the plan was made while
 * the table was still empty (a list of 1,000 {@code in (?, …)} parameters made PostgreSQL scan the table for
 * every batch once it had grown).
 */
final class ContactStore implements AutoCloseable {
    private static final String COLUMNS = "id, external_id, email, phone, name, company, language, attributes";

    private final Connection c;
    private final PreparedStatement byExternalId;
    private final PreparedStatement byEmail;
    private final PreparedStatement insert;
    private final PreparedStatement update;

    ContactStore(Connection c) throws SQLException {
        this.c = c;
        this.byExternalId = c.prepareStatement("select " + COLUMNS + " from respondent where external_id = any(?)");
        // Several respondents may share an address; the oldest one is the person the address was first given for.
        this.byEmail = c.prepareStatement("select " + COLUMNS + " from respondent where email = any(?) "
                + "order by created_at desc, id desc");
        this.insert = c.prepareStatement("insert into respondent (" + COLUMNS + ", created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.update = c.prepareStatement("update respondent set email = ?, phone = ?, name = ?, company = ?, "
                + "language = ?, attributes = ?, updated_at = ? where id = ?");
    }

    void write(List<ContactRow> batch, Instant now, ImportResult.Counts counts) throws SQLException {
        Map<String, Stored> byKey = find(byExternalId, batch.stream().map(ContactRow::key).toList());
        List<String> emailsToFind = new ArrayList<>();
        for (ContactRow row : batch) {
            if (row.keyedByEmail() && !byKey.containsKey(row.key())) {
                emailsToFind.add(row.email());
            }
        }
        Map<String, Stored> byAddress = emailsToFind.isEmpty() ? Map.of() : find(byEmail, emailsToFind);
        for (ContactRow row : batch) {
            String attributes = row.attributes().isEmpty() ? null : Json.string(row.attributes());
            Stored stored = byKey.get(row.key());
            if (stored == null && row.keyedByEmail()) {
                stored = byAddress.get(row.email());
            }
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
                update.setObject(8, stored.id());
                update.addBatch();
                counts.updated++;
            } else {
                counts.unchanged++;
            }
        }
        insert.executeBatch();
        update.executeBatch();
    }

    private static void bind(PreparedStatement ps, int first, ContactRow row, String attributes) throws SQLException {
        ps.setString(first, row.email());
        ps.setString(first + 1, row.phone());
        ps.setString(first + 2, row.name());
        ps.setString(first + 3, row.company());
        ps.setString(first + 4, row.language());
        ps.setString(first + 5, attributes);
    }

    /** Stored respondents by the looked-up column's value; with the email query's order, the oldest wins. */
    private Map<String, Stored> find(PreparedStatement query, List<String> values) throws SQLException {
        Array array = c.createArrayOf("varchar", values.toArray());
        Map<String, Stored> stored = new HashMap<>(values.size() * 2);
        try {
            query.setArray(1, array);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Stored s = new Stored(rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
                    stored.put(query == byEmail ? s.email() : rs.getString(2), s);
                }
            }
        } finally {
            array.free();
        }
        return stored;
    }

    @Override
    public void close() throws SQLException {
        try (byExternalId; byEmail; insert; update) {
            // closes all four, even when one fails
        }
    }

    private record Stored(UUID id, String email, String phone, String name, String company, String language,
                          String attributes) {
        boolean differs(ContactRow row, String rowAttributes) {
            return !Objects.equals(email, row.email()) || !Objects.equals(phone, row.phone())
                    || !Objects.equals(name, row.name()) || !Objects.equals(company, row.company())
                    || !Objects.equals(language, row.language()) || !Objects.equals(attributes, rowAttributes);
        }
    }
}
