package org.tapscore.server.admin;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.campaign.CampaignType;
import org.tapscore.server.campaign.Journey;
import org.tapscore.server.compare.Comparison;
import org.tapscore.server.compare.NpsDifference;
import org.tapscore.server.compare.PeriodPreset;
import org.tapscore.server.compare.SeriesSpec;
import org.tapscore.server.response.Channel;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /admin/compare}: two to four series side by side. A plain GET form, so a comparison is a URL that
 * can be bookmarked or shared, and it works without JavaScript.
 */
public final class CompareViews implements HttpService {
    private final AdminAuth auth;
    private final AdminPages pages;
    private final CampaignService campaigns;
    private final Comparison comparison;
    private final ZoneId defaultZone;

    public CompareViews(AdminAuth auth, AdminPages pages, CampaignService campaigns, Comparison comparison,
                        ZoneId defaultZone) {
        this.auth = auth;
        this.pages = pages;
        this.campaigns = campaigns;
        this.comparison = comparison;
        this.defaultZone = defaultZone;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/compare", this::compare);
    }

    private void compare(ServerRequest req, ServerResponse res) {
        Optional<Sessions.Session> session = auth.session(req);
        if (session.isEmpty()) {
            AdminPages.redirect(res, "/admin/login");
            return;
        }
        String userZone = session.get().user().timeZone();
        ZoneId zone = ResponseFilter.parse(req.query(), userZone == null ? defaultZone : ZoneId.of(userZone)).zone();
        List<SeriesSpec> specs = comparison.specs(req.query(), zone);
        Comparison.Result result = comparison.compare(specs, zone);
        List<Map<String, Object>> slots = new ArrayList<>();
        for (int i = 1; i <= Comparison.MAX_SERIES; i++) {
            int index = i;
            slots.add(slot(i, specs.stream().filter(s -> s.index() == index).findFirst().orElse(null)));
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (Comparison.Series s : result.series()) {
            NpsFigures f = s.figures();
            series.add(Map.of("index", s.spec().index(), "label", s.label(), "figures", f,
                    "ci", f.nps() == null ? "–" : Format.oneDecimal(f.low()) + " to " + Format.oneDecimal(f.high()),
                    "promoterShare", Format.oneDecimal(f.promoterShare()),
                    "passiveShare", Format.oneDecimal(f.passiveShare()),
                    "detractorShare", Format.oneDecimal(f.detractorShare()),
                    "svg", Charts.split(f)));
        }
        List<Map<String, Object>> differences = new ArrayList<>();
        for (NpsDifference d : result.differences()) {
            differences.add(Map.of("a", d.a(), "b", d.b(),
                    "difference", d.difference() == null ? "–" : Format.signed(d.difference()),
                    "interval", d.low() == null ? "–" : Format.oneDecimal(d.low()) + " to " + Format.oneDecimal(d.high()),
                    "verdict", d.verdict().label(),
                    "verdictClass", d.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        }
        List<Campaign> npsCampaigns = campaigns.list().stream().filter(c -> c.type() == CampaignType.NPS).toList();
        pages.send(res, Status.OK_200, "compare", session.get(), Map.of("slots", slots, "series", series,
                "differences", differences, "campaigns", npsCampaigns, "journeys", List.of(Journey.values()),
                "channels", List.of(Channel.values()), "presets", List.of(PeriodPreset.values()),
                "tz", zone.getId()));
    }

    /** The form's values for series {@code i}; an unused slot shows blank fields. */
    private static Map<String, Object> slot(int i, SeriesSpec spec) {
        Map<String, Object> m = new HashMap<>();
        m.put("i", i);
        m.put("campaign", spec == null ? "" : spec.campaignValue());
        m.put("journey", spec == null || spec.journey() == null ? "" : spec.journey().name());
        m.put("channel", spec == null || spec.channel() == null ? "" : spec.channel().name());
        m.put("location", spec == null || spec.location() == null ? "" : spec.location());
        m.put("period", spec == null || spec.preset() == null ? "custom" : spec.preset().key());
        boolean custom = spec != null && spec.preset() == null;
        m.put("from", custom && spec.from() != null ? spec.from().toString() : "");
        m.put("to", custom && spec.to() != null ? spec.to().toString() : "");
        return m;
    }
}
