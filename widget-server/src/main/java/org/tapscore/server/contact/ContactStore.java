package org.tapscore.server.contact;

import org.tapscore.server.db.Sql;
import org.tapscore.server.respondent.RespondentAttributes;
import org.tapscore.server.web.Json;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes contacts in batches on one connection (the importer's transaction), with its statements prepared once.
 * A contact whose stored fields are already the same is left alone, so importing the same file twice changes
 * nothing, not even a timestamp.
 *
 * <p>A file speaks only for its own columns: an existing respondent keeps every field, and every attribute, that
 * the file has no column for, so a list of just ids and addresses does not wipe the phone numbers and names a
 * fuller list stored earlier. An empty cell in a column the file does have clears that field.
 *
 * <p>Existing respondents are looked up a batch at a time with {@code = any(?)} and one array parameter: one
 * statement text for every batch size, and a plan that uses the unique index even when the plan was made while
 * the table was still empty (a list of 1,000 {@code in (?, …)} parameters made PostgreSQL scan the table for
 * every batch once it had grown).
 */
final class ContactStore implements AutoCloseable {
    private static final String COLUMNS = "id, external_id, email, phone, name, company, language, attributes";

    private final Connection c;
    private final ColumnMapping columns;
    private final PreparedStatement byExternalId;
    private final PreparedStatement byEmail;
    private final PreparedStatement insert;
    private final PreparedStatement update;

    ContactStore(Connection c, ColumnMapping columns) throws SQLException {
        this.c = c;
        this.columns = columns;
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
            Stored stored = byKey.get(row.key());
            if (stored == null && row.keyedByEmail()) {
                stored = byAddress.get(row.email());
            }
            if (stored == null) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, row.key());
                bind(insert, 3, row, row.attributes());
                Sql.setInstant(insert, 9, now);
                Sql.setInstant(insert, 10, now);
                insert.addBatch();
                counts.created++;
                continue;
            }
            ContactRow merged = merge(stored, row);
            Map<String, Object> attributes = mergeAttributes(stored.attributes(), row.attributes());
            if (stored.differs(merged, attributes)) {
                bind(update, 1, merged, attributes);
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

    /** The row's values for the fields the file has a column for; the stored values for the others. */
    private ContactRow merge(Stored stored, ContactRow row) {
        return new ContactRow(row.line(), row.key(), row.keyedByEmail(),
                columns.has("email") ? row.email() : stored.email(),
                columns.has("phone") ? row.phone() : stored.phone(),
                columns.has("name") ? row.name() : stored.name(),
                columns.has("company") ? row.company() : stored.company(),
                columns.has("language") ? row.language() : stored.language(),
                row.attributes());
    }

    /** Stored attributes with the file's attribute columns laid over them; an empty cell removes the attribute. */
    private Map<String, Object> mergeAttributes(Map<String, Object> stored, Map<String, String> row) {
        Map<String, Object> merged = new LinkedHashMap<>(stored);
        for (String name : columns.attributeNames()) {
            String value = row.get(name);
            if (value == null) {
                merged.remove(name);
            } else {
                merged.put(name, value);
            }
        }
        return merged;
    }

    private static void bind(PreparedStatement ps, int first, ContactRow row, Map<String, ?> attributeMap)
            throws SQLException {
        String attributes = attributeMap.isEmpty() ? null : Json.string(attributeMap);
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
                            rs.getString(5), rs.getString(6), rs.getString(7),
                            RespondentAttributes.parse(rs.getString(8)));
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
                          Map<String, Object> attributes) {
        boolean differs(ContactRow row, Map<String, Object> rowAttributes) {
            return !Objects.equals(email, row.email()) || !Objects.equals(phone, row.phone())
                    || !Objects.equals(name, row.name()) || !Objects.equals(company, row.company())
                    || !Objects.equals(language, row.language()) || !Objects.equals(attributes, rowAttributes);
        }
    }
}
