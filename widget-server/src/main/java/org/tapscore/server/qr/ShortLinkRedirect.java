package org.tapscore.server.qr;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.qr.link.CampaignLink;
import org.tapscore.qr.link.ShortCode;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.PublicUrl;

/** {@code GET /q/{code}}: a scanned short link leads on to the survey with its channel and location. */
public final class ShortLinkRedirect implements HttpService {
    private final ShortLinks shortLinks;
    private final PublicUrl publicUrl;

    public ShortLinkRedirect(ShortLinks shortLinks, PublicUrl publicUrl) {
        this.shortLinks = shortLinks;
        this.publicUrl = publicUrl;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{code}", this::redirect);
    }

    private void redirect(ServerRequest req, ServerResponse res) {
        String code = req.path().pathParameters().get("code");
        if (!ShortCode.isWellFormed(code)) {
            throw ApiException.notFound("unknown-short-link", "This code is not known");
        }
        ShortLinks.Target target = shortLinks.resolve(code)
                .orElseThrow(() -> ApiException.notFound("unknown-short-link", "This code is not known"));
        String url = CampaignLink.of(publicUrl.of(req), target.campaign(), target.location()).surveyUrl();
        res.status(Status.FOUND_302);
        res.header(HeaderNames.LOCATION, url);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send();
    }
}
