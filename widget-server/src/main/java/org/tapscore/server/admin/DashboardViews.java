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
import org.tapscore.server.targets.TargetProgress;
import org.tapscore.server.targets.TargetService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /admin} (campaigns with NPS and its change) and {@code /admin/campaigns/{id}} (one campaign's dashboard). */
public final class DashboardViews implements HttpService {
    private static final int DEFAULT_DAYS = 30;

    private final AdminAuth auth;
    private final AdminPages pages;
    private final CampaignService campaigns;
    private final DashboardStats stats;
    private final ResponseList responses;
    private final ZoneId defaultZone;
    private final Clock clock;
    private final TargetService targets;

    public DashboardViews(AdminAuth auth, AdminPages pages, CampaignService campaigns, DashboardStats stats,
                          ResponseList responses, ZoneId defaultZone, Clock clock, TargetService targets) {
        this.targets = targets;
        this.responses = responses;
        this.auth = auth;
        this.pages = pages;
        this.campaigns = campaigns;
        this.stats = stats;
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::campaignList)
                .get("/campaigns/{id}", this::campaign);
    }

    private void campaignList(ServerRequest req, ServerResponse res) {
        Optional<Sessions.Session> session = auth.session(req);
        if (session.isEmpty()) {
            AdminPages.redirect(res, "/admin/login");
            return;
        }
        ResponseFilter filter = ResponseFilter.parse(req.query(), zoneOf(session.get()));
        LocalDate to = filter.to() != null ? filter.to() : LocalDate.now(clock.withZone(filter.zone()));
        LocalDate from = filter.from() != null ? filter.from() : to.minusDays(DEFAULT_DAYS - 1);
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
        Map<String, NpsFigures> current = stats.byCampaign(filter.withPeriod(from, to));
        Map<String, NpsFigures> previous = stats.byCampaign(filter.withPeriod(from.minusDays(days), from.minusDays(1)));
        Map<String, TargetProgress> progress = targets.progressOfAll();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Campaign campaign : campaigns.list()) {
            NpsFigures now = current.getOrDefault(campaign.id(), NpsFigures.of(new long[11]));
            NpsFigures before = previous.getOrDefault(campaign.id(), NpsFigures.of(new long[11]));
            Map<String, Object> row = new HashMap<>();
            row.put("campaign", campaign);
            row.put("isNps", campaign.type() == CampaignType.NPS);
            row.put("figures", now);
            row.put("average", now.average() == null ? "–" : Format.oneDecimal(now.average()));
            boolean comparable = now.nps() != null && before.nps() != null && campaign.type() == CampaignType.NPS;
            row.put("change", comparable ? Format.signed(now.nps() - before.nps()) : "–");
            row.put("changeClass", !comparable ? "" : now.nps() > before.nps() ? "up"
                    : now.nps() < before.nps() ? "down" : "");
            TargetProgress target = progress.get(campaign.id());
            row.put("target", target == null ? null : TargetPanel.of(target));
            rows.add(row);
        }
        pages.send(res, Status.OK_200, "campaigns", session.get(), Map.of("rows", rows,
                "from", from.toString(), "to", to.toString(), "tz", filter.zone().getId()));
    }

    private void campaign(ServerRequest req, ServerResponse res) {
        Optional<Sessions.Session> session = auth.session(req);
        if (session.isEmpty()) {
            AdminPages.redirect(res, "/admin/login");
            return;
        }
        Campaign campaign = campaigns.get(req.path().pathParameters().get("id"));
        show(req, res, session.get(), campaign, Status.OK_200, Map.of());
    }

    /** The campaign page; {@code extra} adds to the model (a rejected target form shows its error). */
    void show(ServerRequest req, ServerResponse res, Sessions.Session session, Campaign campaign, Status status,
              Map<String, Object> extra) {
        ResponseFilter filter = ResponseFilter.parse(req.query(), zoneOf(session)).withCampaign(campaign.id());
        Map<String, Object> model = model(campaign, filter, DashboardStats.Bucket.parse(
                req.query().first("bucket").orElse(null)), clock);
        model.put("basePath", "/admin/campaigns/" + campaign.id());
        model.putAll(extra);
        pages.send(res, status, "dashboard", session, model);
    }

    private ZoneId zoneOf(Sessions.Session session) {
        String zone = session.user().timeZone();
        return zone == null ? defaultZone : ZoneId.of(zone);
    }

    /** Everything the dashboard template shows (also used by shared links and the live screen). */
    Map<String, Object> model(Campaign campaign, ResponseFilter requested, DashboardStats.Bucket bucket, Clock clock) {
        LocalDate to = requested.to() != null ? requested.to() : LocalDate.now(clock.withZone(requested.zone()));
        LocalDate from = requested.from() != null ? requested.from() : to.minusDays(DEFAULT_DAYS - 1);
        ResponseFilter filter = requested.withPeriod(from, to);
        NpsFigures figures = stats.figures(filter);
        List<DashboardStats.TrendPoint> trend = stats.trend(filter, bucket);
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", campaign);
        model.put("isNps", campaign.type() == CampaignType.NPS);
        model.put("isRelationship", campaign.journey() == Journey.RELATIONSHIP);
        model.put("latest", filter.latestOnly());
        model.put("figures", figures);
        model.put("nps", figures.npsText());
        model.put("average", figures.average() == null ? "–" : Format.oneDecimal(figures.average()));
        model.put("ciLow", figures.low() == null ? "–" : Format.oneDecimal(figures.low()));
        model.put("ciHigh", figures.high() == null ? "–" : Format.oneDecimal(figures.high()));
        model.put("promoterShare", Format.oneDecimal(figures.promoterShare()));
        model.put("passiveShare", Format.oneDecimal(figures.passiveShare()));
        model.put("detractorShare", Format.oneDecimal(figures.detractorShare()));
        model.put("distributionSvg", Charts.distribution(figures.distribution()));
        model.put("splitSvg", Charts.split(figures));
        Optional<TargetProgress> target = campaign.type() == CampaignType.NPS ? targets.progress(campaign.id())
                : Optional.empty();
        model.put("target", target.map(TargetPanel::of).orElse(null));
        model.put("targetError", "");
        model.put("targetMin", LocalDate.now(clock.withZone(filter.zone())).plusDays(1).toString());
        model.put("trendSvg", Charts.trend(trend, target.map(t -> (double) t.target().targetNps()).orElse(null)));
        model.put("trend", trend.stream().map(p -> Map.of("label", p.label(), "n", p.figures().n(),
                "nps", p.figures().npsText())).toList());
        model.put("channels", rows(stats.split(filter, "channel")));
        model.put("locations", rows(stats.split(filter, "location")));
        model.put("comments", ResponseViews.rows(responses.latestComments(filter, 8), filter.zone()));
        model.put("scores", java.util.stream.IntStream.rangeClosed(0, 10).boxed().toList());
        model.put("from", from.toString());
        model.put("to", to.toString());
        model.put("tz", filter.zone().getId());
        model.put("bucket", bucket.name().toLowerCase(java.util.Locale.ROOT));
        return model;
    }

    private static List<Map<String, Object>> rows(Map<String, NpsFigures> split) {
        List<Map<String, Object>> rows = new ArrayList<>();
        split.forEach((key, f) -> rows.add(Map.of("key", key, "n", f.n(), "nps", f.npsText(),
                "svg", Charts.split(f))));
        return rows;
    }
}
