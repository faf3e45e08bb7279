package org.tapscore.server.alert;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Json;
import org.tapscore.server.web.RequestBodies;
import org.tapscore.server.web.Validation;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST/GET/DELETE /api/v1/campaigns/{id}/alert-rules} (API key).
 *
 * <pre>
 * POST /api/v1/campaigns/after-order/alert-rules
 * {"from": 0, "to": 6, "webhookUrl": "https://hooks.slack.com/…", "format": "slack"}
 * → 201 {"id": "…", "secret": "whsec_…", …}   (the secret is shown this once)
 * </pre>
 */
public final class AlertRuleApi implements HttpService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AlertRuleRepository rules;
    private final CampaignService campaigns;
    private final ApiKeys apiKeys;
    private final RequestBodies bodies;
    private final Clock clock;

    public AlertRuleApi(AlertRuleRepository rules, CampaignService campaigns, ApiKeys apiKeys, RequestBodies bodies,
                        Clock clock) {
        this.rules = rules;
        this.campaigns = campaigns;
        this.apiKeys = apiKeys;
        this.bodies = bodies;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/alert-rules", this::create)
                .get("/{id}/alert-rules", this::list)
                .delete("/{id}/alert-rules/{rule}", this::delete);
    }

    private void create(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        Campaign campaign = campaigns.get(req.path().pathParameters().get("id"));
        AlertRule rule = create(rules, campaign.id(), bodies.json(req, NewAlertRule.class), clock);
        res.header("Location", "/api/v1/campaigns/" + campaign.id() + "/alert-rules/" + rule.id());
        Json.send(res, Status.CREATED_201, rule);
    }

    /** Validates and stores a rule with a fresh signing secret (the API and the admin page both create rules). */
    static AlertRule create(AlertRuleRepository rules, String campaign, NewAlertRule input, Clock clock) {
        Validation.valid(input);
        if (input.from() > input.to()) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("to", "must not be below 'from'")));
        }
        if ((input.email() == null) == (input.webhookUrl() == null)) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("email",
                    "give either an e-mail address or a webhookUrl")));
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        AlertRule rule = new AlertRule(UUID.randomUUID(), campaign, input.from(), input.to(), input.email(),
                input.webhookUrl(), input.format() == null ? AlertFormat.JSON : input.format(),
                "whsec_" + Base64.getEncoder().encodeToString(key), clock.instant());
        rules.insert(rule);
        return rule;
    }

    private void list(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        Campaign campaign = campaigns.get(req.path().pathParameters().get("id"));
        Json.send(res, Status.OK_200, rules.list(campaign.id()).stream().map(AlertRule::withoutSecret).toList());
    }

    private void delete(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        Campaign campaign = campaigns.get(req.path().pathParameters().get("id"));
        UUID id;
        try {
            id = UUID.fromString(req.path().pathParameters().get("rule"));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("unknown-alert-rule", "There is no such alert rule");
        }
        if (!rules.delete(campaign.id(), id)) {
            throw ApiException.notFound("unknown-alert-rule", "There is no such alert rule");
        }
        res.status(Status.NO_CONTENT_204).send();
    }
}
