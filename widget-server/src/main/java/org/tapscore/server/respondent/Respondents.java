package org.tapscore.server.respondent;

import org.tapscore.server.db.Database;
import org.tapscore.server.response.ResponseItem;
import org.tapscore.server.response.ResponseQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/** Reading a respondent with their history, and erasing their personal data while keeping anonymous scores. */
public final class Respondents {
    private static final String COLUMNS = "id, external_id, email, phone, name, company, attributes";

    private final Database db;
    private final ResponseQuery responses;

    public Respondents(Database db, ResponseQuery responses) {
        this.db = db;
        this.responses = responses;
    }

    public Optional<Respondent> find(UUID id) {
        return findWhere("id = ?", id);
    }

    public Optional<Respondent> findByExternalId(String externalId) {
        return findWhere("external_id = ?", externalId);
    }

    public Optional<RespondentProfile> profile(String externalId) {
        return findByExternalId(externalId).map(r -> {
            List<ResponseItem> history = responses.byRespondent(r.id());
            OptionalDouble average = history.stream().mapToInt(ResponseItem::score).average();
            return new RespondentProfile(r.externalId(), r.email(), r.phone(), r.name(), r.company(), language(r.id()),
                    r.attributes() == null ? Map.of() : r.attributes(),
                    average.isPresent() ? average.getAsDouble() : null, history);
        });
    }

    /**
     * Erases the respondent: their answers lose the link to them and their comments (which may name them), their
     * pending invitations are cancelled, and the respondent row goes. Scores stay, anonymous, so the numbers
     * of past periods do not change. Returns false when there is no such respondent.
     */
    public boolean erase(String externalId) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            UUID id;
            try (PreparedStatement ps = c.prepareStatement(
                    "select id from respondent where external_id = ? for update")) {
                ps.setString(1, externalId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return false;
                    }
                    id = rs.getObject("id", UUID.class);
                }
            }
            update(c, "update response set comment = null, comment_at = null, respondent_id = null "
                    + "where respondent_id = ?", id);
            update(c, "update invitation set status = case when status in ('SCHEDULED', 'CREATED') "
                    + "then 'CANCELLED' else status end, next_attempt_at = null, respondent_id = null "
                    + "where respondent_id = ?", id);
            update(c, "delete from respondent where id = ?", id);
            c.commit();
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not erase a respondent", e);
        }
    }

    private static void update(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    /** The language they are asked in (from a contact list), or null when none was given. */
    private String language(UUID id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select language from respondent where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a respondent's language", e);
        }
    }

    private Optional<Respondent> findWhere(String condition, Object value) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from respondent where " + condition)) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String attributes = rs.getString("attributes");
                return Optional.of(new Respondent(rs.getObject("id", UUID.class), rs.getString("external_id"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("name"), rs.getString("company"),
                        RespondentAttributes.parse(attributes)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a respondent", e);
        }
    }
}
