package org.tapscore.server.admin;

import io.helidon.common.parameters.Parameters;
import org.tapscore.server.response.Category;
import org.tapscore.server.response.Channel;
import org.tapscore.server.web.ApiException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which responses a dashboard, the responses list or an export looks at. Dates are whole days in {@code zone}.
 * Built from the query string ({@code campaign, category, score, channel, location, from, to, q, tz, latest}),
 * so a filtered list and its export link share one URL shape.
 */
public record ResponseFilter(String campaign,
                             Category category,
                             Integer score,
                             Channel channel,
                             String location,
                             LocalDate from,
                             LocalDate to,
                             String text,
                             ZoneId zone,
                             boolean latestOnly) {

    public static ResponseFilter parse(Parameters query, ZoneId defaultZone) {
        ZoneId zone = zone(query.first("tz").orElse(null), defaultZone);
        LocalDate from = date(query.first("from").orElse(null), "from");
        LocalDate to = date(query.first("to").orElse(null), "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("bad-period", "'from' must not be after 'to'");
        }
        return new ResponseFilter(blank(query.first("campaign").orElse(null)),
                parseEnum(Category.class, query.first("category").orElse(null), "category"),
                score(query.first("score").orElse(null)),
                parseEnum(Channel.class, query.first("channel").orElse(null), "channel"),
                blank(query.first("location").orElse(null)),
                from, to, blank(query.first("q").orElse(null)), zone,
                query.first("latest").map(v -> v.equals("1") || v.equals("true")).orElse(false));
    }

    public ResponseFilter withCampaign(String id) {
        return new ResponseFilter(id, category, score, channel, location, from, to, text, zone, latestOnly);
    }

    public ResponseFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new ResponseFilter(campaign, category, score, channel, location, newFrom, newTo, text, zone, latestOnly);
    }

    public Instant start() {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The SQL condition on {@code response r} (always including "not suspect") and its parameters in order. */
    public Where where() {
        StringBuilder sql = new StringBuilder("not r.suspect");
        List<Object> params = new ArrayList<>();
        if (campaign != null) {
            sql.append(" and r.campaign_id = ?");
            params.add(campaign);
        }
        if (category != null) {
            int[] range = switch (category) {
                case DETRACTOR -> new int[] {0, 6};
                case PASSIVE -> new int[] {7, 8};
                case PROMOTER -> new int[] {9, 10};
            };
            sql.append(" and r.score between ? and ?");
            params.add(range[0]);
            params.add(range[1]);
        }
        if (score != null) {
            sql.append(" and r.score = ?");
            params.add(score);
        }
        if (channel != null) {
            sql.append(" and r.channel = ?");
            params.add(channel.name());
        }
        if (location != null) {
            sql.append(" and r.location = ?");
            params.add(location);
        }
        periodCondition(sql, params, "r.");
        if (text != null) {
            sql.append(" and lower(r.comment) like ? escape '\\'");
            params.add("%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (latestOnly) {
            // Relationship NPS: a customer who answered three times counts once, with their latest answer.
            StringBuilder inner = new StringBuilder("select l.id from (select x.id, row_number() over "
                    + "(partition by x.respondent_id order by x.answered_at desc, x.id desc) as rn from response x "
                    + "where x.respondent_id is not null and not x.suspect");
            if (campaign != null) {
                inner.append(" and x.campaign_id = ?");
                params.add(campaign);
            }
            periodCondition(inner, params, "x.");
            inner.append(") l where l.rn = 1");
            sql.append(" and (r.respondent_id is null or r.id in (").append(inner).append("))");
        }
        return new Where(sql.toString(), params);
    }

    private void periodCondition(StringBuilder sql, List<Object> params, String alias) {
        if (from != null) {
            sql.append(" and ").append(alias).append("answered_at >= ?");
            params.add(start());
        }
        if (to != null) {
            sql.append(" and ").append(alias).append("answered_at < ?");
            params.add(end());
        }
    }

    private static ZoneId zone(String tz, ZoneId fallback) {
        if (tz == null || tz.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(tz.strip());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad-time-zone", "'tz' must be a time zone such as Europe/Copenhagen");
        }
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad-date", "'" + name + "' must be a date such as 2026-12-03");
        }
    }

    private static Integer score(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!raw.strip().matches("10|[0-9]")) {
            throw ApiException.badRequest("bad-score", "'score' must be a whole number from 0 to 10");
        }
        return Integer.parseInt(raw.strip());
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad-" + name, "'" + name + "' has no value " + raw.strip());
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A condition and its parameters. */
    public record Where(String sql, List<Object> params) {
        public int bind(java.sql.PreparedStatement ps, int start) throws java.sql.SQLException {
            int index = start;
            for (Object param : params) {
                if (param instanceof Instant instant) {
                    org.tapscore.server.db.Sql.setInstant(ps, index++, instant);
                } else {
                    ps.setObject(index++, param);
                }
            }
            return index;
        }
    }
}
