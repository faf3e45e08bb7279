package org.tapscore.server.compare;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Json;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * {@code GET /api/v1/compare?campaign1=all&period1=last30&campaign2=all&period2=prev30&tz=Europe/Copenhagen}:
 * the comparison page's figures as JSON, with an API key. Takes the page's query string unchanged
 * ({@link SeriesSpec} lists the parameters); {@code tz} defaults to UTC like the summary API.
 */
public final class CompareApi implements HttpService {
    private final Comparison comparison;
    private final ApiKeys apiKeys;

    public CompareApi(Comparison comparison, ApiKeys apiKeys) {
        this.comparison = comparison;
        this.apiKeys = apiKeys;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::compare);
    }

    private void compare(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        ZoneId zone;
        try {
            zone = ZoneId.of(req.query().first("tz").orElse("UTC"));
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad-time-zone", "'tz' must be a time zone such as Europe/Copenhagen");
        }
        Comparison.Result result = comparison.compare(comparison.specs(req.query(), zone), zone);
        Json.send(res, Status.OK_200, CompareJson.of(result));
    }
}
