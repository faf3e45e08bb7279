package org.tapscore.server.wave;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.admin.AdminAuth;
import org.tapscore.server.admin.AdminForm;
import org.tapscore.server.admin.AdminPages;
import org.tapscore.server.admin.Charts;
import org.tapscore.server.admin.Sessions;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.RequestBodies;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /admin/waves}: the list of waves and the "New wave" form, whose one POST previews (matching count,
 * skips, the message in each language), sends a test to the signed-in admin, or schedules, depending on the
 * button pressed, so it works without JavaScript. {@code /admin/waves/{id}}: one wave's figures. Viewers may
 * look and preview; only admins send tests and schedule.
 */
public final class WaveViews implements HttpService {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The form's key, stored with a "form-" prefix in a column of 100 characters. */
    private static final String FORM_KEY = "[\\x21-\\x7e]{1,90}";

    private final AdminAuth auth;
    private final AdminPages pages;
    private final CampaignService campaigns;
    private final WaveService service;
    private final WaveReports reports;
    private final WaveMessages messages;
    private final RequestBodies bodies;
    private final ZoneId zone;

    public WaveViews(AdminAuth auth, AdminPages pages, CampaignService campaigns, WaveService service,
                     WaveReports reports, WaveMessages messages, RequestBodies bodies, ZoneId zone) {
        this.auth = auth;
        this.pages = pages;
        this.campaigns = campaigns;
        this.service = service;
        this.reports = reports;
        this.messages = messages;
        this.bodies = bodies;
        this.zone = zone;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::submit)
                .get("/{id}", this::show)
                .post("/{id}/cancel", this::cancel);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Optional<Sessions.Session> session = auth.session(req);
        if (session.isEmpty()) {
            AdminPages.redirect(res, "/admin/login");
            return;
        }
        Map<String, String> values = new HashMap<>();
        WaveForm.FIELDS.forEach(f -> values.put(f, ""));
        values.put("ratePerHour", "400");
        values.put("key", UUID.randomUUID().toString());
        render(res, Status.OK_200, session.get(), values, Map.of());
    }

    private void submit(ServerRequest req, ServerResponse res) {
        AdminForm posted = AdminForm.parse(bodies.text(req));
        String action = String.valueOf(posted.get("action"));
        Sessions.Session session = "preview".equals(action) ? auth.requireForm(req, posted.csrf())
                : auth.requireAdminForm(req, posted.csrf());
        WaveForm form = new WaveForm(posted, zone);
        Map<String, Object> model = new HashMap<>();
        try {
            switch (action) {
                case "schedule" -> {
                    // The form's own random key: a double-clicked "Schedule" makes one wave. A form without
                    // one (only a hand-made post) is refused rather than scheduled without protection.
                    String key = posted.get("key");
                    if (key == null || !key.strip().matches(FORM_KEY)) {
                        throw ApiException.badRequest("bad-form-key", "The form has lost its key; reload the page");
                    }
                    WaveService.Result result = service.create(form.request(false), "form-" + key.strip(),
                            session.user().email());
                    AdminPages.redirect(res, "/admin/waves/" + result.wave().id());
                    return;
                }
                case "test" -> {
                    WaveRequest request = form.request(true);
                    String to = request.channel() == org.tapscore.server.response.Channel.SMS
                            ? posted.get("testPhone") : session.user().email();
                    messages.sendTest(request.campaign(), request.channel(), to, null);
                    model.put("notice", "A test message was sent to " + to
                            + "; its links lead nowhere, so it records no answer.");
                }
                case "preview" -> {
                }
                default -> throw ApiException.badRequest("bad-action", "Choose preview, test or schedule");
            }
            WaveRequest request = form.request(true);
            WavePlan plan = service.create(request, null, session.user().email()).plan();
            model.put("plan", WaveApi.dryRun(plan));
            model.put("planLast", plan.lastSendAt == null ? "" : TIME.format(plan.lastSendAt.atZone(zone)) + " ("
                    + zone.getId() + ")");
            model.put("previews", messages.previews(request.campaign()));
            render(res, Status.OK_200, session, form.values(), model);
        } catch (ApiException e) {
            String fields = e.errors().stream().map(f -> f.field() + ": " + f.message())
                    .collect(Collectors.joining("; "));
            model.put("error", fields.isEmpty() ? e.getMessage() : fields);
            render(res, Status.create(e.status()), session, form.values(), model);
        }
    }

    private void cancel(ServerRequest req, ServerResponse res) {
        auth.requireAdminForm(req, AdminForm.parse(bodies.text(req)).csrf());
        Wave wave = reports.wave(req.path().pathParameters().get("id"));
        service.cancel(wave.id());
        AdminPages.redirect(res, "/admin/waves/" + wave.id());
    }

    private void show(ServerRequest req, ServerResponse res) {
        Optional<Sessions.Session> session = auth.session(req);
        if (session.isEmpty()) {
            AdminPages.redirect(res, "/admin/login");
            return;
        }
        String id = req.path().pathParameters().get("id");
        WaveReport report = reports.report(id);
        List<WaveTimeline.Point> points = report.timeline();
        String chart = Charts.responseRate(points.stream().map(p -> TIME.format(p.at().atZone(zone))).toList(),
                points.stream().map(WaveTimeline.Point::responseRate).toList());
        Map<String, Object> model = new HashMap<>();
        model.put("wave", report);
        model.put("campaignName", campaigns.get(report.campaign()).name());
        model.put("rate", report.responseRate() == null ? "–" : report.responseRate() + " %");
        model.put("startAt", TIME.format(report.startAt().atZone(zone)));
        model.put("lastSendAt", report.lastSendAt() == null ? "–" : TIME.format(report.lastSendAt().atZone(zone)));
        model.put("zone", zone.getId());
        model.put("chart", chart);
        model.put("skips", reports.skipped(id, 500).stream().map(s -> Map.of("externalId", s.externalId(),
                "reason", s.reason(), "detail", s.detail() == null ? "" : s.detail(),
                "next", s.nextAllowedAt() == null ? "" : TIME.format(s.nextAllowedAt().atZone(zone)))).toList());
        pages.send(res, Status.OK_200, "wave", session.get(), model);
    }

    private void render(ServerResponse res, Status status, Sessions.Session session, Map<String, String> values,
                        Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.putIfAbsent("notice", "");
        model.putIfAbsent("error", "");
        model.putIfAbsent("plan", null);
        model.putIfAbsent("previews", List.of());
        model.put("form", values);
        model.put("campaigns", campaigns.list());
        model.put("zone", zone.getId());
        model.put("waves", reports.list(100).stream().map(w -> Map.of("id", w.id(), "name", w.name(),
                "campaign", w.campaign(), "channel", w.channel().name(), "status", w.status(),
                "invited", w.invited(), "sent", w.sent(), "answered", w.answered(), "skipped", w.skipped(),
                "rate", w.responseRate() == null ? "–" : w.responseRate() + " %")).toList());
        pages.send(res, status, "waves", session, model);
    }
}
