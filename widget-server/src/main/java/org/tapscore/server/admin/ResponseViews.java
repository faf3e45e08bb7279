package org.tapscore.server.admin;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.response.Category;
import org.tapscore.server.response.Channel;
import org.tapscore.server.web.ApiException;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /admin/responses}: answers with filters and paging, and links to export exactly that selection. */
public final class ResponseViews implements HttpService {
    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AdminAuth auth;
    private final AdminPages pages;
    private final CampaignService campaigns;
    private final ResponseList responses;
    private final ZoneId defaultZone;

    public ResponseViews(AdminAuth auth, AdminPages pages, CampaignService campaigns, ResponseList responses,
                         ZoneId defaultZone) {
        this.auth = auth;
        this.pages = pages;
        this.campaigns = campaigns;
        this.responses = responses;
        this.defaultZone = defaultZone;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/responses", this::list)
                .get("/responses/{id}", this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Optional<Sessions.Session> session = auth.session(req);
        if (session.isEmpty()) {
            AdminPages.redirect(res, "/admin/login");
            return;
        }
        String zone = session.get().user().timeZone();
        ResponseFilter filter = ResponseFilter.parse(req.query(), zone == null ? defaultZone : ZoneId.of(zone));
        int page = page(req.query().first("page").orElse("0"));
        ResponseList.Page result = responses.page(filter, page, PAGE_SIZE);
        String query = query(filter);
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows(result.rows(), filter.zone()));
        model.put("campaigns", campaigns.list());
        model.put("channels", Arrays.stream(Channel.values()).map(Enum::name).toList());
        model.put("categories", Arrays.stream(Category.values()).map(Category::key).toList());
        model.put("scores", java.util.stream.IntStream.rangeClosed(0, 10).mapToObj(Integer::toString).toList());
        model.put("f", formValues(filter));
        model.put("total", responses.count(filter));
        model.put("page", page);
        model.put("prev", page > 0 ? "/admin/responses?" + query + "page=" + (page - 1) : "");
        model.put("next", result.more() ? "/admin/responses?" + query + "page=" + (page + 1) : "");
        model.put("exportCsv", "/api/v1/responses/export.csv?" + query);
        model.put("exportXlsx", "/api/v1/responses/export.xlsx?" + query);
        pages.send(res, Status.OK_200, "responses", session.get(), model);
    }

    private void one(ServerRequest req, ServerResponse res) {
        Optional<Sessions.Session> session = auth.session(req);
        if (session.isEmpty()) {
            AdminPages.redirect(res, "/admin/login");
            return;
        }
        String zone = session.get().user().timeZone();
        ZoneId zoneId = zone == null ? defaultZone : ZoneId.of(zone);
        ResponseList.Row row;
        try {
            row = responses.find(java.util.UUID.fromString(req.path().pathParameters().get("id")))
                    .orElseThrow(IllegalArgumentException::new);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("unknown-response", "There is no such response");
        }
        var campaign = campaigns.get(row.campaign());
        var texts = campaign.texts().getOrDefault(row.locale(), campaign.defaultTexts());
        Map<String, Object> model = new HashMap<>(rows(List.of(row), zoneId).getFirst());
        model.put("campaignName", campaign.name());
        model.put("question", texts == null || texts.question() == null ? "" : texts.question());
        model.put("device", row.device() == null ? "" : row.device());
        model.put("respondentName", row.respondentName() == null ? "" : row.respondentName());
        model.put("respondentEmail", row.respondentEmail() == null ? "" : row.respondentEmail());
        model.put("received", WHEN.format(row.receivedAt().atZone(zoneId)));
        model.put("tz", zoneId.getId());
        pages.send(res, Status.OK_200, "response", session.get(), Map.of("r", model));
    }

    static List<Map<String, Object>> rows(List<ResponseList.Row> rows, ZoneId zone) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ResponseList.Row row : rows) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", row.id().toString());
            m.put("campaign", row.campaign());
            m.put("score", row.score());
            m.put("category", row.category());
            m.put("comment", row.comment() == null ? "" : row.comment());
            m.put("channel", row.channel().toLowerCase(java.util.Locale.ROOT));
            m.put("location", row.location() == null ? "" : row.location());
            m.put("respondent", row.respondent() == null ? "" : row.respondent());
            m.put("when", WHEN.format(row.answeredAt().atZone(zone)));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> formValues(ResponseFilter f) {
        Map<String, Object> m = new HashMap<>();
        m.put("campaign", f.campaign() == null ? "" : f.campaign());
        m.put("category", f.category() == null ? "" : f.category().key());
        m.put("score", f.score() == null ? "" : f.score().toString());
        m.put("channel", f.channel() == null ? "" : f.channel().name());
        m.put("location", f.location() == null ? "" : f.location());
        m.put("from", f.from() == null ? "" : f.from().toString());
        m.put("to", f.to() == null ? "" : f.to().toString());
        m.put("q", f.text() == null ? "" : f.text());
        m.put("tz", f.zone().getId());
        return m;
    }

    /** The filter as a query string ending in '&' (or empty), for paging and export links. */
    static String query(ResponseFilter f) {
        StringBuilder q = new StringBuilder();
        Map<String, Object> values = formValues(f);
        for (String name : List.of("campaign", "category", "score", "channel", "location", "from", "to", "q", "tz")) {
            String value = String.valueOf(values.get(name));
            if (!value.isEmpty()) {
                q.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8))
                        .append('&');
            }
        }
        return q.toString();
    }

    private static int page(String raw) {
        try {
            int page = Integer.parseInt(raw);
            if (page >= 0 && page <= 1_000_000) {
                return page;
            }
        } catch (NumberFormatException e) {
            // same message below
        }
        throw ApiException.badRequest("bad-page", "'page' must be a whole number from 0");
    }
}
