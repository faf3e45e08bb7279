package org.tapscore.server.qr;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.qr.ErrorCorrection;
import org.tapscore.qr.PngWriter;
import org.tapscore.qr.QrEncoder;
import org.tapscore.qr.QrException;
import org.tapscore.qr.QrOptions;
import org.tapscore.qr.SvgWriter;
import org.tapscore.qr.link.CampaignLink;
import org.tapscore.qr.poster.Poster;
import org.tapscore.qr.poster.PosterFormat;
import org.tapscore.qr.poster.PosterRenderer;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignCatalog;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.i18n.LocaleNegotiation;
import org.tapscore.server.i18n.SurveyTexts;
import org.tapscore.server.i18n.Translations;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.PublicUrl;

import java.util.function.Supplier;

/**
 * {@code /qr/{campaign}.svg|.png} and {@code /qr/{campaign}/poster.pdf}: printable codes that lead to the survey
 * with {@code ch=qr} and the location, so answers are counted per store or table. Links too long for a small,
 * robust code are replaced by a short {@code /q/{code}} link.
 */
public final class QrService implements HttpService {
    private static final int MIN_SIZE = 64;
    private static final int MAX_SIZE = 2000;
    private static final int MAX_LOCATION = 200;

    private final CampaignCatalog catalog;
    private final ShortLinks shortLinks;
    private final Translations translations;
    private final PublicUrl publicUrl;
    private final QrEncoder encoder = new QrEncoder();
    private final RenderedCodes cache = new RenderedCodes(500);

    public QrService(CampaignCatalog catalog, ShortLinks shortLinks, Translations translations, PublicUrl publicUrl) {
        this.catalog = catalog;
        this.shortLinks = shortLinks;
        this.translations = translations;
        this.publicUrl = publicUrl;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{campaign}/poster.pdf", this::poster)
                .get("/{file}", this::code);
    }

    private void code(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        boolean svg = file.endsWith(".svg");
        if (!svg && !file.endsWith(".png")) {
            throw ApiException.notFound("not-found", "Ask for {campaign}.svg or {campaign}.png");
        }
        Campaign campaign = campaign(file.substring(0, file.length() - 4));
        CampaignLink link = link(req, campaign);
        QrOptions options = options(req);
        String key = (svg ? "svg|" : "png|") + link.qrUrl() + "|" + options.size() + "|" + options.errorCorrection();
        send(req, res, cache.get(key, guarded(() -> svg
                        ? new SvgWriter().toBytes(encoder.encode(link.qrUrl(), options))
                        : new PngWriter().toBytes(encoder.encode(link.qrUrl(), options)))),
                svg ? SvgWriter.CONTENT_TYPE : PngWriter.CONTENT_TYPE);
    }

    private void poster(ServerRequest req, ServerResponse res) {
        Campaign campaign = campaign(req.path().pathParameters().get("campaign"));
        CampaignLink link = link(req, campaign);
        PosterFormat format = guarded(() -> PosterFormat.parse(req.query().first("format").orElse("A4"))).get();
        String locale = LocaleNegotiation.choose(req.query().first("lang").orElse(null),
                req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse(null), campaign.texts().keySet(),
                campaign.defaultLocale());
        SurveyTexts texts = new SurveyTexts(campaign, locale, translations);
        String location = req.query().first("loc").orElse(null);
        String key = "pdf|" + link.qrUrl() + "|" + format + "|" + locale + "|" + campaign.theme().primaryColor()
                + "|" + texts.question();
        send(req, res, cache.get(key, guarded(() -> new PosterRenderer().render(Poster.builder()
                .url(link.qrUrl())
                .question(texts.question())
                .scanHint(texts.ui("scanHint"))
                .locationLabel(location == null || location.isBlank() ? null : location)
                .language(locale)
                .brandColor(campaign.theme().primaryColor())
                .build(), format))), PosterRenderer.CONTENT_TYPE);
    }

    private Campaign campaign(String id) {
        return catalog.find(id).orElseThrow(() -> CampaignService.unknown(id));
    }

    private CampaignLink link(ServerRequest req, Campaign campaign) {
        String location = req.query().first("loc").orElse(null);
        if (location != null && location.codePointCount(0, location.length()) > MAX_LOCATION) {
            // The answer would be refused later: a location is a label of at most this many characters.
            throw ApiException.badRequest("bad-location", "'loc' must be at most " + MAX_LOCATION + " characters");
        }
        CampaignLink link = guarded(() -> CampaignLink.of(publicUrl.of(req), campaign.id(),
                location == null || location.isBlank() ? null : location)).get();
        if (link.isShortened()) {
            shortLinks.remember(link);
        }
        return link;
    }

    private static QrOptions options(ServerRequest req) {
        int size;
        try {
            size = Integer.parseInt(req.query().first("size").orElse("300"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad-size", "'size' must be a whole number of pixels");
        }
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw ApiException.badRequest("bad-size", "'size' must be from " + MIN_SIZE + " to " + MAX_SIZE);
        }
        String ecc = req.query().first("ecc").orElse(null);
        return guarded(() -> {
            QrOptions.Builder options = QrOptions.builder().size(size);
            if (ecc != null && !ecc.isBlank()) {
                options.errorCorrection(ErrorCorrection.parse(ecc));
            }
            return options.build();
        }).get();
    }

    private static void send(ServerRequest req, ServerResponse res, RenderedCodes.Rendered rendered, String type) {
        res.header(HeaderNames.ETAG, rendered.etag());
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        if (req.headers().first(HeaderNames.IF_NONE_MATCH).map(tag -> tag.contains(rendered.etag())).orElse(false)) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.send(rendered.bytes());
    }

    /** The QR library explains bad input in words meant for the person who asked: pass them on as a 400. */
    private static <T> Supplier<T> guarded(Supplier<T> work) {
        return () -> {
            try {
                return work.get();
            } catch (QrException e) {
                throw ApiException.badRequest("bad-qr-request", e.getMessage());
            }
        };
    }
}
