package org.tapscore.server.campaign;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.web.Json;
import org.tapscore.server.web.RequestBodies;

import java.util.Map;

/** {@code /api/v1/campaigns}: manage campaigns with an API key. */
public final class CampaignApi implements HttpService {
    private final CampaignService campaigns;
    private final ApiKeys apiKeys;
    private final RequestBodies bodies;

    public CampaignApi(CampaignService campaigns, ApiKeys apiKeys, RequestBodies bodies) {
        this.campaigns = campaigns;
        this.apiKeys = apiKeys;
        this.bodies = bodies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/{id}", this::get)
                .put("/{id}", this::replace);
    }

    private void list(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        Json.send(res, Status.OK_200, Map.of("items", campaigns.list()));
    }

    private void create(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        Campaign created = campaigns.create(bodies.json(req, Campaign.class));
        res.header("Location", "/api/v1/campaigns/" + created.id());
        Json.send(res, Status.CREATED_201, created);
    }

    private void get(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        Json.send(res, Status.OK_200, campaigns.get(req.path().pathParameters().get("id")));
    }

    private void replace(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        String id = req.path().pathParameters().get("id");
        Json.send(res, Status.OK_200, campaigns.replace(id, bodies.json(req, Campaign.class)));
    }
}
