package org.tapscore.server.alert;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.admin.AdminAuth;
import org.tapscore.server.admin.AdminForm;
import org.tapscore.server.admin.AdminPages;
import org.tapscore.server.admin.Sessions;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.RequestBodies;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /admin/campaigns/{id}/alerts}: a campaign's alert rules with their delivery counts; admins add and delete. */
public final class AlertViews implements HttpService {
    private final AdminAuth auth;
    private final AdminPages pages;
    private final CampaignService campaigns;
    private final AlertRuleRepository rules;
    private final RequestBodies bodies;
    private final Clock clock;

    public AlertViews(AdminAuth auth, AdminPages pages, CampaignService campaigns, AlertRuleRepository rules,
                      RequestBodies bodies, Clock clock) {
        this.auth = auth;
        this.pages = pages;
        this.campaigns = campaigns;
        this.rules = rules;
        this.bodies = bodies;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/campaigns/{id}/alerts", this::list)
                .post("/campaigns/{id}/alerts", this::create)
                .post("/campaigns/{id}/alerts/{rule}/delete", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Optional<Sessions.Session> session = auth.session(req);
        if (session.isEmpty()) {
            AdminPages.redirect(res, "/admin/login");
            return;
        }
        show(res, session.get(), campaigns.get(req.path().pathParameters().get("id")), null);
    }

    private void create(ServerRequest req, ServerResponse res) {
        AdminForm form = AdminForm.parse(bodies.text(req));
        Sessions.Session session = auth.requireAdminForm(req, form.csrf());
        Campaign campaign = campaigns.get(req.path().pathParameters().get("id"));
        String target = blank(form.get("target"));
        boolean email = target != null && target.contains("@") && !target.startsWith("http");
        AlertFormat format;
        try {
            format = AlertFormat.of(String.valueOf(form.get("format")));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad-format", "The format is json, slack or teams");
        }
        AlertRule rule = AlertRuleApi.create(rules, campaign.id(), new NewAlertRule(number(form.get("from")),
                number(form.get("to")), email ? target : null, email ? null : target, format), clock);
        show(res, session, campaign, rule.email() == null ? rule.secret() : null);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        AdminForm form = AdminForm.parse(bodies.text(req));
        auth.requireAdminForm(req, form.csrf());
        Campaign campaign = campaigns.get(req.path().pathParameters().get("id"));
        try {
            rules.delete(campaign.id(), UUID.fromString(req.path().pathParameters().get("rule")));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("unknown-alert-rule", "There is no such alert rule");
        }
        AdminPages.redirect(res, "/admin/campaigns/" + campaign.id() + "/alerts");
    }

    private void show(ServerResponse res, Sessions.Session session, Campaign campaign, String newSecret) {
        Map<UUID, Map<String, Long>> counts = rules.deliveryCounts(campaign.id());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AlertRule rule : rules.list(campaign.id())) {
            Map<String, Long> c = counts.getOrDefault(rule.id(), Map.of());
            Map<String, Object> row = new HashMap<>();
            row.put("id", rule.id().toString());
            row.put("range", rule.from() + "–" + rule.to());
            row.put("target", rule.email() != null ? rule.email() : rule.webhookUrl());
            row.put("format", rule.email() != null ? "e-mail" : rule.format().key());
            row.put("sent", c.getOrDefault("SENT", 0L));
            row.put("pending", c.getOrDefault("PENDING", 0L));
            row.put("failed", c.getOrDefault("FAILED", 0L));
            rows.add(row);
        }
        pages.send(res, Status.OK_200, "alerts", session, Map.of("campaign", campaign, "rules", rows,
                "newSecret", newSecret == null ? "" : newSecret));
    }

    private static Integer number(String raw) {
        try {
            return raw == null ? null : Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad-score", "Scores are whole numbers from 0 to 10");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
