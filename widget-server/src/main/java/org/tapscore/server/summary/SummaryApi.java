package org.tapscore.server.summary;

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

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** {@code GET /api/v1/campaigns/{id}/summary?from=&to=&tz=}: NPS and its parts over whole days in a zone. */
public final class SummaryApi implements HttpService {
    private final SummaryService summaries;
    private final CampaignService campaigns;
    private final ApiKeys apiKeys;

    public SummaryApi(SummaryService summaries, CampaignService campaigns, ApiKeys apiKeys) {
        this.summaries = summaries;
        this.campaigns = campaigns;
        this.apiKeys = apiKeys;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/summary", this::summary);
    }

    private void summary(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        Campaign campaign = campaigns.get(req.path().pathParameters().get("id"));
        ZoneId zone = zone(req.query().first("tz").orElse("UTC"));
        LocalDate from = date(req.query().first("from").orElse(null), "from");
        LocalDate to = date(req.query().first("to").orElse(null), "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("bad-period", "'from' must not be after 'to'");
        }
        Json.send(res, Status.OK_200, summaries.summarize(campaign, from, to, zone));
    }

    private static ZoneId zone(String tz) {
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad-time-zone", "'tz' must be a time zone such as Europe/Copenhagen");
        }
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("bad-date", "'" + name + "' must be a date such as 2026-12-03");
        }
    }
}
