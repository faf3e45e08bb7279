package org.tapscore.server.response;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;
import org.tapscore.server.web.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Respondents, keyed by the caller's own id for them (a CRM id, an e-mail address). */
public final class RespondentRepository {
    private final Database db;

    public RespondentRepository(Database db) {
        this.db = db;
    }

    /** Creates or updates the respondent and returns its id; fields left out keep their stored value. */
    public UUID upsert(RespondentInput input, Instant now) {
        String externalId = input.externalId() != null ? input.externalId() : input.email();
        if (externalId == null) {
            throw new IllegalArgumentException("A respondent needs an externalId or an email");
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into respondent (id, external_id, "
                    + "created_at, updated_at) values (?, ?, ?, ?) on conflict do nothing")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, externalId);
                Sql.setInstant(insert, 3, now);
                Sql.setInstant(insert, 4, now);
                insert.executeUpdate();
            }
            try (PreparedStatement update = c.prepareStatement("update respondent set "
                    + "email = coalesce(?, email), phone = coalesce(?, phone), name = coalesce(?, name), "
                    + "company = coalesce(?, company), attributes = coalesce(?, attributes), updated_at = ? "
                    + "where external_id = ?")) {
                update.setString(1, input.email());
                update.setString(2, input.phone());
                update.setString(3, TextNormalizer.label(input.name()));
                update.setString(4, TextNormalizer.label(input.company()));
                update.setString(5, input.attributes() == null ? null : Json.string(input.attributes()));
                Sql.setInstant(update, 6, now);
                update.setString(7, externalId);
                update.executeUpdate();
            }
            UUID id;
            try (PreparedStatement select = c.prepareStatement(
                    "select id from respondent where external_id = ?")) {
                select.setString(1, externalId);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    id = Sql.uuid(rs, "id");
                }
            }
            c.commit();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store respondent", e);
        }
    }
}
