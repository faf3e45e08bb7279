package org.tapscore.server.invitation;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignCatalog;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.i18n.LocaleNegotiation;
import org.tapscore.server.web.ApiException;

import java.nio.charset.StandardCharsets;

/**
 * {@code GET /embed/{campaign}/email.html?variant=full|compact&lang=da}: the 0–10 scale as email-safe HTML to
 * paste into a newsletter or an e-mail signature. Public (it is meant to be copied); the links lead to
 * {@code /s/{campaign}?score=N&ch=email}, which only preselects the score.
 */
public final class EmailSnippets implements HttpService {
    private final CampaignCatalog catalog;
    private final InvitationContent content;

    public EmailSnippets(CampaignCatalog catalog, InvitationContent content) {
        this.catalog = catalog;
        this.content = content;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{campaign}/email.html", this::snippet);
    }

    private void snippet(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("campaign");
        Campaign campaign = catalog.find(id).orElseThrow(() -> CampaignService.unknown(id));
        String variant = req.query().first("variant").orElse("full");
        if (!variant.equals("full") && !variant.equals("compact")) {
            throw ApiException.badRequest("bad-variant", "variant is full or compact");
        }
        String locale = LocaleNegotiation.choose(req.query().first("lang").orElse(null), null,
                campaign.texts().keySet(), campaign.defaultLocale());
        byte[] html = content.campaignScale(campaign, locale, variant.equals("compact"))
                .getBytes(StandardCharsets.UTF_8);
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8");
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        res.header("X-Content-Type-Options", "nosniff");
        res.send(html);
    }
}
