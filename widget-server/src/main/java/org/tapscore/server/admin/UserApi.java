package org.tapscore.server.admin;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.web.Json;
import org.tapscore.server.web.RequestBodies;

/**
 * {@code /api/v1/users} (API key): create admin UI users, e.g. the first admin on a new installation.
 *
 * <pre>
 * curl -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
 *      -d '{"email":"ana@shop.example","password":"a long passphrase","role":"ADMIN"}' .../api/v1/users
 * </pre>
 */
public final class UserApi implements HttpService {
    private final Users users;
    private final ApiKeys apiKeys;
    private final RequestBodies bodies;

    public UserApi(Users users, ApiKeys apiKeys, RequestBodies bodies) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.bodies = bodies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create).get("/", this::list);
    }

    private void create(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        NewUser input = bodies.json(req, NewUser.class);
        Json.send(res, Status.CREATED_201, users.create(input.email(), input.password(), input.role()));
    }

    private void list(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        Json.send(res, Status.OK_200, users.list());
    }

    /** The body of {@code POST /api/v1/users}. */
    public record NewUser(String email, String password, Role role) {
    }
}
