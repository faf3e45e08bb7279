package org.tapscore.server.wave;

import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;
import org.tapscore.server.respondent.Respondent;
import org.tapscore.server.respondent.RespondentAttributes;
import org.tapscore.server.response.Category;
import org.tapscore.server.web.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a {@link Selection} as one parameterised query over the respondents (values are always bound, never
 * pasted into the SQL). The query runs unchanged on PostgreSQL and H2. Attributes are a JSON text column that
 * neither database can search the same way, so SQL narrows to rows that mention the key and Java compares the
 * parsed values exactly.
 */
public final class SelectionQuery {
    // The latest answer of the respondent, whichever campaign it was for.
    private static final String LATEST = "(select max(x.answered_at) from response x where x.respondent_id = r.id)";
    private static final String LATEST_SCORE = "(select x.score from response x where x.respondent_id = r.id "
            + "order by x.answered_at desc, x.id desc limit 1)";

    private final Database db;

    public SelectionQuery(Database db) {
        this.db = db;
    }

    /** The selected respondents, ordered by external id so a wave's order is stable. */
    public List<Candidate> run(Selection selection, Instant now) {
        List<Object> params = new ArrayList<>();
        String sql = "select r.id, r.external_id, r.email, r.phone, r.name, r.company, r.language, r.attributes "
                + "from respondent r where " + where(selection, now, params) + " order by r.external_id";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object value = params.get(i);
                if (value instanceof Instant instant) {
                    Sql.setInstant(ps, i + 1, instant);
                } else {
                    ps.setObject(i + 1, value);
                }
            }
            List<Candidate> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Candidate candidate = read(rs);
                    if (attributesMatch(selection.attributes(), candidate.respondent().attributes())) {
                        out.add(candidate);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not select respondents", e);
        }
    }

    /** The conditions, with their values appended to {@code params} in order. */
    static String where(Selection s, Instant now, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("1 = 1");
        if (s.company() != null) {
            conditions.add("lower(r.company) = ?");
            params.add(s.company().toLowerCase(Locale.ROOT));
        }
        if (s.language() != null) {
            conditions.add("(lower(r.language) = ? or lower(r.language) like ? escape '!')");
            String language = s.language().toLowerCase(Locale.ROOT);
            params.add(language);
            params.add(likeLiteral(language) + "-%");
        }
        if (s.attributes() != null) {
            for (String key : s.attributes().keySet()) {
                conditions.add("r.attributes like ? escape '!'");
                params.add("%" + likeLiteral(Json.string(key)) + ":%");
            }
        }
        if (s.categoryValue() != null) {
            Category category = s.categoryValue();
            conditions.add(LATEST_SCORE + " between ? and ?");
            params.add(category == Category.PROMOTER ? 9 : category == Category.PASSIVE ? 7 : 0);
            params.add(category == Category.PROMOTER ? 10 : category == Category.PASSIVE ? 8 : 6);
        }
        if (s.answeredWithinDays() != null) {
            conditions.add(LATEST + " >= ?");
            params.add(now.minus(Duration.ofDays(s.answeredWithinDays())));
        }
        if (s.lastAnswerAfter() != null) {
            conditions.add(LATEST + " >= ?");
            params.add(s.lastAnswerAfter());
        }
        if (s.lastAnswerBefore() != null) {
            conditions.add(LATEST + " < ?");
            params.add(s.lastAnswerBefore());
        }
        if (Boolean.TRUE.equals(s.neverAsked())) {
            conditions.add("not exists (select 1 from invitation i where i.respondent_id = r.id "
                    + "and i.status <> 'CANCELLED')");
            conditions.add("not exists (select 1 from response x where x.respondent_id = r.id)");
        }
        return String.join(" and ", conditions);
    }

    private static String likeLiteral(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    static boolean attributesMatch(Map<String, String> wanted, Map<String, Object> actual) {
        if (wanted == null) {
            return true;
        }
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            Object value = actual == null ? null : actual.get(e.getKey());
            if (value == null || !Objects.equals(String.valueOf(value), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Candidate read(ResultSet rs) throws SQLException {
        Map<String, Object> parsed = RespondentAttributes.parse(rs.getString("attributes"));
        return new Candidate(new Respondent(Sql.uuid(rs, "id"), rs.getString("external_id"), rs.getString("email"),
                rs.getString("phone"), rs.getString("name"), rs.getString("company"), parsed),
                rs.getString("language"));
    }

    /** A selected respondent and the language they are asked in (V12's column), if known. */
    public record Candidate(Respondent respondent, String language) {
    }
}
