package org.tapscore.server.admin;

import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.db.Database;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/live/{campaign}}: a full-screen NPS and the latest comments for a wall screen, kept current by
 * server-sent events; and {@code /admin/shared/{token}}: the read-only dashboard behind a share link.
 *
 * <p>The event stream watches the database (a cheap count/max query every {@value #POLL_MILLIS} ms) rather than
 * this node's memory, so an answer stored by any node of a cluster shows up on every screen.
 */
public final class LiveViews implements HttpService {
    static final long POLL_MILLIS = 700;
    private static final Duration MAX_STREAM = Duration.ofMinutes(10);
    private static final int DAYS = 30;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final AdminAuth auth;
    private final AdminPages pages;
    private final CampaignService campaigns;
    private final DashboardStats stats;
    private final ResponseList responses;
    private final DashboardViews dashboards;
    private final ShareLinks shareLinks;
    private final Database db;
    private final ZoneId defaultZone;
    private final Clock clock;
    private volatile boolean running = true;

    public LiveViews(AdminAuth auth, AdminPages pages, CampaignService campaigns, DashboardStats stats,
                     ResponseList responses, DashboardViews dashboards, ShareLinks shareLinks, Database db,
                     ZoneId defaultZone, Clock clock) {
        this.auth = auth;
        this.pages = pages;
        this.campaigns = campaigns;
        this.stats = stats;
        this.responses = responses;
        this.dashboards = dashboards;
        this.shareLinks = shareLinks;
        this.db = db;
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/live/{id}", this::page)
                .get("/live/{id}/events", this::events)
                .get("/shared/{token}", this::shared);
    }

    private void page(ServerRequest req, ServerResponse res) {
        Optional<Sessions.Session> session = auth.session(req);
        if (session.isEmpty()) {
            AdminPages.redirect(res, "/admin/login");
            return;
        }
        Campaign campaign = campaigns.get(req.path().pathParameters().get("id"));
        Map<String, Object> model = new HashMap<>(snapshot(campaign));
        model.put("campaign", campaign);
        pages.send(res, Status.OK_200, "live", session.get(), model);
    }

    private void events(ServerRequest req, ServerResponse res) {
        if (auth.session(req).isEmpty()) {
            throw ApiException.unauthorized("Sign in at /admin/login first");
        }
        Campaign campaign = campaigns.get(req.path().pathParameters().get("id"));
        Instant until = clock.instant().plus(MAX_STREAM);
        String seen = null;
        Instant lastSent = clock.instant();
        res.header("Cache-Control", "no-store");
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            while (running && clock.instant().isBefore(until)) {
                String version = version(campaign.id());
                if (!version.equals(seen)) {
                    seen = version;
                    Map<String, Object> data = new HashMap<>(snapshot(campaign));
                    data.put("version", version);
                    sink.emit(SseEvent.builder().name("update").data(Json.string(data)).build());
                    lastSent = clock.instant();
                } else if (clock.instant().isAfter(lastSent.plus(KEEP_ALIVE))) {
                    // A comment line: keeps proxies from closing an idle stream and tells us when the screen left.
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                    lastSent = clock.instant();
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The screen went away (closed tab, lost network): nothing to clean up.
        }
    }

    private void shared(ServerRequest req, ServerResponse res) {
        String campaignId = shareLinks.campaignOf(req.path().pathParameters().get("token"))
                .orElseThrow(() -> ApiException.notFound("unknown-share-link", "This link does not exist or was revoked"));
        Campaign campaign = campaigns.get(campaignId);
        ResponseFilter filter = ResponseFilter.parse(req.query(), defaultZone).withCampaign(campaign.id());
        Map<String, Object> model = dashboards.model(campaign, filter,
                DashboardStats.Bucket.parse(req.query().first("bucket").orElse(null)), clock);
        model.put("basePath", "/admin/shared/" + req.path().pathParameters().get("token"));
        res.header("X-Robots-Tag", "noindex");
        pages.send(res, Status.OK_200, "dashboard", null, model);
    }

    /** NPS over the last 30 days and the latest comments, as the live screen shows them. */
    private Map<String, Object> snapshot(Campaign campaign) {
        LocalDate today = LocalDate.now(clock.withZone(defaultZone));
        ResponseFilter filter = new ResponseFilter(campaign.id(), null, null, null, null, today.minusDays(DAYS - 1),
                today, null, defaultZone, false);
        NpsFigures figures = stats.figures(filter);
        List<Map<String, Object>> comments = ResponseViews.rows(responses.latestComments(filter, 6), defaultZone).stream()
                .map(row -> Map.<String, Object>of("score", row.get("score"), "category", row.get("category"),
                        "comment", row.get("comment"), "when", row.get("when"))).toList();
        return Map.of("nps", figures.npsText(), "n", figures.n(), "promoters", Format.oneDecimal(figures.promoterShare()),
                "passives", Format.oneDecimal(figures.passiveShare()),
                "detractors", Format.oneDecimal(figures.detractorShare()), "comments", comments);
    }

    /** Changes whenever an answer or a comment arrives. */
    private String version(String campaign) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select count(*), max(received_at), max(comment_at) from response where campaign_id = ?")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) + "|" + rs.getObject(2) + "|" + rs.getObject(3);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check for new answers", e);
        }
    }

    public void stop() {
        running = false;
    }
}
