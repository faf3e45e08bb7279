package org.tapscore.server.admin;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.targets.TargetRequest;
import org.tapscore.server.targets.TargetService;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.RequestBodies;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The campaign page's target form: {@code POST /admin/campaigns/{id}/target} sets it and
 * {@code POST /admin/campaigns/{id}/target/clear} removes it. Admins only (with the form's CSRF token); a
 * rejected value shows the campaign page again with the reason next to the form.
 */
public final class TargetViews implements HttpService {
    private final AdminAuth auth;
    private final CampaignService campaigns;
    private final TargetService targets;
    private final DashboardViews dashboards;
    private final RequestBodies bodies;

    public TargetViews(AdminAuth auth, CampaignService campaigns, TargetService targets, DashboardViews dashboards,
                       RequestBodies bodies) {
        this.auth = auth;
        this.campaigns = campaigns;
        this.targets = targets;
        this.dashboards = dashboards;
        this.bodies = bodies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/campaigns/{id}/target", this::set)
                .post("/campaigns/{id}/target/clear", this::clear);
    }

    private void set(ServerRequest req, ServerResponse res) {
        AdminForm form = AdminForm.parse(bodies.text(req));
        Sessions.Session session = auth.requireAdminForm(req, form.csrf());
        Campaign campaign = campaigns.get(req.path().pathParameters().get("id"));
        Integer nps = wholeNumber(form.get("nps"));
        try {
            // A number the form cannot read reaches the service as null and gets the same message as a missing one.
            // The date is a day in the admin's own time zone (the server's default when they chose none).
            targets.set(campaign.id(), new TargetRequest(nps, form.get("date"), session.user().timeZone(), null),
                    session.user().email());
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw e;
            }
            String reason = e.errors().isEmpty() ? e.getMessage() : e.errors().stream()
                    .map(error -> (error.field().equals("nps") ? "Target NPS" : "Date") + " " + error.message())
                    .collect(Collectors.joining("; "));
            dashboards.show(req, res, session, campaign, Status.BAD_REQUEST_400, Map.of("targetError", reason));
            return;
        }
        AdminPages.redirect(res, "/admin/campaigns/" + campaign.id() + "#target");
    }

    private void clear(ServerRequest req, ServerResponse res) {
        AdminForm form = AdminForm.parse(bodies.text(req));
        auth.requireAdminForm(req, form.csrf());
        String id = campaigns.get(req.path().pathParameters().get("id")).id();
        targets.clear(id);
        AdminPages.redirect(res, "/admin/campaigns/" + id + "#target");
    }

    private static Integer wholeNumber(String raw) {
        if (raw == null || !raw.strip().matches("[-+]?[0-9]{1,4}")) {
            return null;
        }
        return Integer.parseInt(raw.strip());
    }
}
