package org.tapscore.server.targets;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Json;
import org.tapscore.server.web.RequestBodies;

/**
 * {@code PUT/GET/DELETE /api/v1/campaigns/{id}/target} (API key): a campaign's NPS target with its progress.
 *
 * <pre>
 * PUT /api/v1/campaigns/after-order/target
 * {"nps": 40, "date": "2027-06-30", "timeZone": "Europe/Copenhagen"}
 * → 200 {"campaign": "after-order", "nps": 40, …, "baseline": {…}, "progress": {…, "status": "UNCLEAR"}}
 * </pre>
 */
public final class TargetApi implements HttpService {
    /** Who set a target through the API: keys have names, but a request does not say which one it used. */
    private static final String API_KEY = "API key";

    private final TargetService targets;
    private final ApiKeys apiKeys;
    private final RequestBodies bodies;

    public TargetApi(TargetService targets, ApiKeys apiKeys, RequestBodies bodies) {
        this.targets = targets;
        this.apiKeys = apiKeys;
        this.bodies = bodies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.put("/{id}/target", this::set)
                .get("/{id}/target", this::get)
                .delete("/{id}/target", this::clear);
    }

    private void set(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        TargetRequest body = bodies.json(req, TargetRequest.class);
        Json.send(res, Status.OK_200, TargetJson.of(targets.set(id(req), body, API_KEY)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        String id = id(req);
        TargetProgress progress = targets.progress(id).orElseThrow(() -> noTarget(id));
        Json.send(res, Status.OK_200, TargetJson.of(progress));
    }

    private void clear(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        String id = id(req);
        if (!targets.clear(id)) {
            throw noTarget(id);
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }

    private static ApiException noTarget(String id) {
        return ApiException.notFound("no-target", "Campaign '" + id + "' has no target");
    }
}
