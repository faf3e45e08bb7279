package org.tapscore.server.compare;

import io.helidon.common.parameters.Parameters;
import org.tapscore.server.admin.DashboardStats;
import org.tapscore.server.admin.NpsFigures;
import org.tapscore.server.admin.ResponseFilter;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.campaign.CampaignType;
import org.tapscore.server.web.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts two to four series side by side: each one's NPS with its interval, and every pair's difference
 * ({@link NpsDifference}). The page and the JSON API read the same query string, so a bookmarked comparison
 * can be fetched as JSON by changing only the path.
 */
public final class Comparison {
    public static final int MAX_SERIES = 4;

    private final CampaignService campaigns;
    private final DashboardStats stats;
    private final Clock clock;

    public Comparison(CampaignService campaigns, DashboardStats stats, Clock clock) {
        this.campaigns = campaigns;
        this.stats = stats;
        this.clock = clock;
    }

    /** One series' figures and a label that says what it counts. */
    public record Series(SeriesSpec spec, String label, NpsFigures figures) {
    }

    /** The series and the differences of every pair (the second minus the first). */
    public record Result(ZoneId zone, List<Series> series, List<NpsDifference> differences) {
    }

    /** The series in a query; without any {@code campaign<i>}, all NPS campaigns' last 30 days against the 30 before. */
    public List<SeriesSpec> specs(Parameters query, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (query.first("campaign" + (MAX_SERIES + 1)).isPresent()) {
            throw ApiException.badRequest("too-many-series", "Compare at most " + MAX_SERIES + " series");
        }
        List<SeriesSpec> specs = new ArrayList<>();
        for (int i = 1; i <= MAX_SERIES; i++) {
            SeriesSpec spec = SeriesSpec.parse(query, i, today);
            if (spec != null) {
                specs.add(spec);
            }
        }
        if (specs.isEmpty()) {
            LocalDate[] last = PeriodPreset.LAST30.resolve(today);
            LocalDate[] before = PeriodPreset.PREV30.resolve(today);
            specs.add(new SeriesSpec(1, null, null, null, null, PeriodPreset.LAST30, last[0], last[1]));
            specs.add(new SeriesSpec(2, null, null, null, null, PeriodPreset.PREV30, before[0], before[1]));
        }
        return specs;
    }

    public Result compare(List<SeriesSpec> specs, ZoneId zone) {
        if (specs.size() < 2) {
            throw ApiException.badRequest("too-few-series", "Choose at least two series to compare");
        }
        List<Series> series = new ArrayList<>();
        for (SeriesSpec spec : specs) {
            Campaign campaign = spec.campaign() == null ? null : campaigns.get(spec.campaign());
            if (campaign != null && campaign.type() != CampaignType.NPS) {
                throw ApiException.unprocessable("not-nps", "Campaign '" + campaign.id()
                        + "' asks a SCORE question and has no NPS to compare");
            }
            series.add(new Series(spec, SeriesLabel.of(spec, campaign), stats.figures(where(spec, zone))));
        }
        List<NpsDifference> differences = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            for (int j = i + 1; j < series.size(); j++) {
                differences.add(NpsDifference.of(series.get(i).spec().index(), series.get(i).figures(),
                        series.get(j).spec().index(), series.get(j).figures()));
            }
        }
        return new Result(zone, series, differences);
    }

    /** The dashboard's filter for the campaign, channel, location and days, plus the journey and NPS-only rules. */
    static ResponseFilter.Where where(SeriesSpec spec, ZoneId zone) {
        ResponseFilter.Where base = new ResponseFilter(spec.campaign(), null, null, spec.channel(), spec.location(),
                spec.from(), spec.to(), null, zone, false).where();
        StringBuilder sql = new StringBuilder(base.sql());
        List<Object> params = new ArrayList<>(base.params());
        sql.append(" and r.campaign_id in (select c.id from campaign c where c.type = ?");
        params.add(CampaignType.NPS.name());
        if (spec.journey() != null) {
            sql.append(" and c.journey = ?");
            params.add(spec.journey().name());
        }
        sql.append(')');
        return new ResponseFilter.Where(sql.toString(), params);
    }
}
