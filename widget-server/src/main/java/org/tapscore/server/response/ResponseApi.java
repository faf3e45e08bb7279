package org.tapscore.server.response;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.ClientAddress;
import org.tapscore.server.web.Json;
import org.tapscore.server.web.OwnOrigins;
import org.tapscore.server.web.RateLimiter;
import org.tapscore.server.web.RequestBodies;
import org.tapscore.server.web.Validation;

import java.util.UUID;

/**
 * {@code /api/v1/responses}: record an answer (public, for active campaigns), attach its comment (with the edit
 * token), and list or read answers (with an API key).
 */
public final class ResponseApi implements HttpService {
    private final RecordingService recording;
    private final ApiKeys apiKeys;
    private final RequestBodies bodies;
    private final RateLimiter publicWrites;
    private final ClientAddress clientAddress;
    private final OwnOrigins ownOrigins;
    private final ResponseQuery query;

    public ResponseApi(RecordingService recording, ResponseQuery query, ApiKeys apiKeys, RequestBodies bodies, RateLimiter publicWrites,
                       ClientAddress clientAddress, OwnOrigins ownOrigins) {
        this.recording = recording;
        this.apiKeys = apiKeys;
        this.bodies = bodies;
        this.publicWrites = publicWrites;
        this.clientAddress = clientAddress;
        this.ownOrigins = ownOrigins;
        this.query = query;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::record)
                .get("/", this::list)
                .get("/{id}", this::get)
                .patch("/{id}", this::attachComment);
    }

    private void record(ServerRequest req, ServerResponse res) {
        boolean authenticated = apiKeys.isAuthenticated(req);
        if (!authenticated) {
            publicWrites.acquire(clientAddress.of(req));
        }
        NewResponse input = bodies.json(req, NewResponse.class);
        Caller caller = new Caller(req.headers().first(HeaderNames.ORIGIN).orElse(null), authenticated,
                ownOrigins.of(req));
        RecordingService.Result result = recording.record(input, caller);
        if (!result.created() && result.response().score() != input.score()) {
            throw ApiException.unprocessable("idempotency-key-reused",
                    "This idempotency key was already used for another answer; make a new key for a new answer");
        }
        if (result.created()) {
            res.header(HeaderNames.LOCATION, "/api/v1/responses/" + result.response().id());
        }
        Json.send(res, result.created() ? Status.CREATED_201 : Status.OK_200, result.response());
    }

    private void list(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        String campaign = req.query().first("campaign")
                .orElseThrow(() -> ApiException.badRequest("missing-campaign", "Name the campaign: ?campaign=id"));
        recording.campaign(campaign);
        int limit = parseLimit(req.query().first("limit").orElse("100"));
        Json.send(res, Status.OK_200, query.page(campaign, req.query().first("cursor").orElse(null), limit));
    }

    private void get(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        UUID id = parseId(req.path().pathParameters().get("id"));
        Json.send(res, Status.OK_200, query.find(id)
                .orElseThrow(() -> ApiException.notFound("unknown-response", "There is no response " + id)));
    }

    private static int parseLimit(String raw) {
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the same message
        }
        throw ApiException.badRequest("bad-limit", "'limit' must be a whole number from 1 to 1000");
    }

    private void attachComment(ServerRequest req, ServerResponse res) {
        publicWrites.acquire(clientAddress.of(req));
        UUID id = parseId(req.path().pathParameters().get("id"));
        CommentUpdate update = Validation.valid(bodies.json(req, CommentUpdate.class));
        String token = req.headers().first(HeaderNames.create("X-Edit-Token")).orElse(update.editToken());
        Json.send(res, Status.OK_200, recording.attachComment(id, token, update.comment()));
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("unknown-response", "There is no response " + id);
        }
    }
}
