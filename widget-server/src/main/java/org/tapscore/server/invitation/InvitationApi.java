package org.tapscore.server.invitation;

import io.helidon.http.HeaderNames;
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
 * {@code POST /api/v1/invitations} (API key): invite a respondent by email, SMS or personal link. The same
 * {@code Idempotency-Key} again answers 200 with the invitation made the first time.
 *
 * <pre>curl -H "Authorization: Bearer $KEY" -H "Idempotency-Key: order-1042" -d '{"campaign": "after-order",
 *   "respondent": {"externalId": "cust-1042", "email": "anna@example.com"}, "channel": "EMAIL"}' …/api/v1/invitations</pre>
 */
public final class InvitationApi implements HttpService {
    private static final String KEY_PATTERN = "[\\x21-\\x7e]{1,100}";

    private final InvitationService invitations;
    private final ApiKeys apiKeys;
    private final RequestBodies bodies;

    public InvitationApi(InvitationService invitations, ApiKeys apiKeys, RequestBodies bodies) {
        this.invitations = invitations;
        this.apiKeys = apiKeys;
        this.bodies = bodies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::trigger);
    }

    private void trigger(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        String key = req.headers().first(HeaderNames.create("Idempotency-Key")).map(String::strip).orElse(null);
        if (key != null && !key.matches(KEY_PATTERN)) {
            throw ApiException.badRequest("bad-idempotency-key",
                    "Idempotency-Key must be 1–100 visible ASCII characters");
        }
        InvitationRequest request = bodies.json(req, InvitationRequest.class);
        InvitationService.Result result = invitations.trigger(request, key);
        Json.send(res, result.created() ? Status.CREATED_201 : Status.OK_200, result.invitation());
    }
}
