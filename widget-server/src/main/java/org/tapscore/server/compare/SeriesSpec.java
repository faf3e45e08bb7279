package org.tapscore.server.compare;

import io.helidon.common.parameters.Parameters;
import org.tapscore.server.campaign.Journey;
import org.tapscore.server.response.Channel;
import org.tapscore.server.web.ApiException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One column of a comparison: which answers it counts. {@code campaign} null means every NPS campaign (SCORE
 * campaigns never count as NPS); {@code journey} narrows to RELATIONSHIP or TOUCHPOINT campaigns; {@code from}
 * and {@code to} (inclusive days, either may be open) come from {@code preset} when one is chosen.
 *
 * <p>From the query string, series {@code i} (1–4) is {@code campaign<i>} ({@code all} or a campaign id; a
 * series without it is not used), {@code journey<i>}, {@code channel<i>}, {@code location<i>},
 * {@code period<i>} (a {@link PeriodPreset} key or {@code custom}), {@code from<i>}, {@code to<i>}.
 */
public record SeriesSpec(int index, String campaign, Journey journey, Channel channel, String location,
                         PeriodPreset preset, LocalDate from, LocalDate to) {
    public static final String ALL = "all";

    /** Series {@code i} of the query, or null when its {@code campaign<i>} is blank. */
    static SeriesSpec parse(Parameters query, int i, LocalDate today) {
        String campaign = value(query, "campaign" + i);
        if (campaign == null) {
            return null;
        }
        PeriodPreset preset = PeriodPreset.parse(value(query, "period" + i));
        String rawPeriod = value(query, "period" + i);
        if (preset == null && rawPeriod != null && !rawPeriod.equalsIgnoreCase("custom")) {
            throw ApiException.badRequest("bad-period", "'period" + i + "' has no value " + rawPeriod);
        }
        LocalDate from = date(query, "from" + i);
        LocalDate to = date(query, "to" + i);
        if (preset != null) {
            LocalDate[] days = preset.resolve(today);
            from = days[0];
            to = days[1];
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("bad-period", "'from" + i + "' must not be after 'to" + i + "'");
        }
        return new SeriesSpec(i, campaign.equalsIgnoreCase(ALL) ? null : campaign,
                parseEnum(Journey.class, value(query, "journey" + i), "journey" + i),
                parseEnum(Channel.class, value(query, "channel" + i), "channel" + i),
                value(query, "location" + i), preset, from, to);
    }

    /** The value of {@code campaign<i>}: {@code all} or the campaign id. */
    public String campaignValue() {
        return campaign == null ? ALL : campaign;
    }

    private static String value(Parameters query, String name) {
        String raw = query.first(name).orElse(null);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static LocalDate date(Parameters query, String name) {
        String raw = value(query, name);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad-date", "'" + name + "' must be a date such as 2026-12-03");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String raw, String name) {
        if (raw == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad-" + name.replaceAll("[0-9]", ""), "'" + name + "' has no value " + raw);
        }
    }
}
