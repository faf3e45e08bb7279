package org.tapscore.server.wave;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.validation.constraints.Size;
import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.response.Channel;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Json;
import org.tapscore.server.web.RequestBodies;
import org.tapscore.server.web.Validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/waves} (API key): plan, preview, test and follow waves.
 *
 * <pre>curl -H "Authorization: Bearer $KEY" -H "Idempotency-Key: spring-2026" -d '{"campaign": "relationship",
 *   "channel": "EMAIL", "ratePerHour": 400, "selection": {"company": "Acme"}}' …/api/v1/waves</pre>
 */
public final class WaveApi implements HttpService {
    private static final String KEY_PATTERN = "[\\x21-\\x7e]{1,100}";
    private static final int SAMPLE = 50;

    private final WaveService service;
    private final WaveReports reports;
    private final WaveMessages messages;
    private final ApiKeys apiKeys;
    private final RequestBodies bodies;

    public WaveApi(WaveService service, WaveReports reports, WaveMessages messages, ApiKeys apiKeys,
                   RequestBodies bodies) {
        this.service = service;
        this.reports = reports;
        this.messages = messages;
        this.apiKeys = apiKeys;
        this.bodies = bodies;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::create)
                .get("/", this::list)
                .post("/preview", this::preview)
                .post("/test", this::test)
                .post("/count", this::count)
                .get("/{id}", this::get)
                .get("/{id}/skipped", this::skipped)
                .post("/{id}/cancel", this::cancel)
                // Known addresses with a method they do not take: 405, not "nothing here".
                .any("/", WaveApi::wrongMethod)
                .any("/preview", WaveApi::wrongMethod)
                .any("/test", WaveApi::wrongMethod)
                .any("/count", WaveApi::wrongMethod)
                .any("/{id}", WaveApi::wrongMethod)
                .any("/{id}/skipped", WaveApi::wrongMethod)
                .any("/{id}/cancel", WaveApi::wrongMethod);
    }

    private static void wrongMethod(ServerRequest req, ServerResponse res) {
        throw ApiException.methodNotAllowed();
    }

    private void create(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        String key = req.headers().first(HeaderNames.create("Idempotency-Key")).map(String::strip).orElse(null);
        if (key != null && !key.matches(KEY_PATTERN)) {
            throw ApiException.badRequest("bad-idempotency-key", "Idempotency-Key must be 1–100 visible ASCII characters");
        }
        WaveService.Result result = service.create(bodies.json(req, WaveRequest.class), key, "api");
        if (result.dryRun()) {
            Json.send(res, Status.OK_200, dryRun(result.plan())); // a dry run: nothing was stored
            return;
        }
        Json.send(res, result.created() ? Status.CREATED_201 : Status.OK_200, reports.report(result.wave().id().toString()));
    }

    private void list(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        Json.send(res, Status.OK_200, Map.of("items", reports.list(200)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        Json.send(res, Status.OK_200, reports.report(req.path().pathParameters().get("id")));
    }

    private void skipped(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        List<Skip> skips = reports.skipped(req.path().pathParameters().get("id"), 10_000);
        Json.send(res, Status.OK_200, Map.of("items", skips));
    }

    /** Stops the wave: what has not gone out will not; answers to what did still count. */
    private void cancel(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        String id = req.path().pathParameters().get("id");
        service.cancel(reports.wave(id).id());
        Json.send(res, Status.OK_200, reports.report(id));
    }

    private void count(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        List<SelectionQuery.Candidate> selected = service.select(bodies.json(req, Selection.class));
        // A sample of external ids lets a caller check a filter before sending; the full list is the CRM's.
        Json.send(res, Status.OK_200, Map.of("selected", selected.size(), "sample",
                selected.stream().limit(SAMPLE).map(c -> c.respondent().externalId()).toList()));
    }

    private void preview(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        MessageRequest body = Validation.valid(bodies.json(req, MessageRequest.class));
        Json.send(res, Status.OK_200, Map.of("previews", messages.previews(body.campaign())));
    }

    private void test(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        MessageRequest body = Validation.valid(bodies.json(req, MessageRequest.class));
        Channel channel = body.channel() == null ? Channel.EMAIL : body.channel();
        messages.sendTest(body.campaign(), channel, body.to(), body.locale());
        Json.send(res, Status.ACCEPTED_202, Map.of("sent", true, "to", body.to().strip(), "channel", channel));
    }

    static Map<String, Object> dryRun(WavePlan plan) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dryRun", true);
        out.put("selected", plan.selected);
        out.put("invited", plan.invited);
        out.put("skipped", plan.skipped);
        out.put("skipReasons", plan.skipReasons);
        out.put("firstSendAt", plan.firstSendAt);
        out.put("lastSendAt", plan.lastSendAt);
        out.put("skips", plan.skips);
        return out;
    }

    /** The body of {@code preview} and {@code test}: {@code to} and {@code locale} only for tests. */
    public record MessageRequest(@Size(max = 64) String campaign, Channel channel, @Size(max = 320) String to,
                                 @Size(max = 35) String locale) {
    }
}
