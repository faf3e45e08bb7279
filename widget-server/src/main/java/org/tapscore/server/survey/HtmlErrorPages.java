package org.tapscore.server.survey;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.i18n.LocaleNegotiation;
import org.tapscore.server.i18n.Translations;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.ErrorMapping;

import java.util.Map;
import java.util.Set;

/** Errors on the survey views, for a person: a short page in their language instead of a JSON document. */
public final class HtmlErrorPages implements ErrorMapping.ErrorPages {
    private static final Set<String> LANGUAGES = Set.of("en", "da", "ar");
    private static final Set<String> VIEW_PREFIXES = Set.of("/s/", "/embed/", "/kiosk/", "/r/", "/admin/");

    private final ViewRenderer renderer;
    private final Translations translations;

    public HtmlErrorPages(ViewRenderer renderer, Translations translations) {
        this.renderer = renderer;
        this.translations = translations;
    }

    @Override
    public boolean wantsHtml(ServerRequest req) {
        String path = req.requestedUri().path().rawPath();
        return VIEW_PREFIXES.stream().anyMatch(path::startsWith)
                && req.headers().isAccepted(MediaTypes.TEXT_HTML)
                && req.headers().first(HeaderNames.ACCEPT).map(a -> a.contains("text/html")).orElse(false);
    }

    @Override
    public void send(ServerRequest req, ServerResponse res, ApiException e) {
        String lang = LocaleNegotiation.choose(req.query().first("lang").orElse(null),
                req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse(null), LANGUAGES, "en");
        String messageKey = switch (e.code()) {
            case "unknown-campaign", "not-found", "unknown-short-link" -> "notFound";
            case "bad-link" -> "expired";
            case "campaign-inactive" -> "inactive";
            case "rate-limited" -> "tooMany";
            case "bad-edit-token", "unknown-response", "unknown-invitation", "invitation-expired" -> "expired";
            default -> "error";
        };
        String nonce = ContentSecurityPolicy.nonce();
        res.header("Content-Security-Policy", ContentSecurityPolicy.header(null, nonce));
        renderer.send(res, Status.create(e.status()), "error", Map.of(
                "lang", lang,
                "dir", Translations.isRightToLeft(lang) ? "rtl" : "ltr",
                "title", translations.get(lang, "ui.errorTitle"),
                // The admin UI is in English and its people act on the reason itself ("the file is larger
                // than 64 MB", "only admins may import"); problem details never carry internals.
                "message", req.requestedUri().path().rawPath().startsWith("/admin/")
                        ? e.getMessage() : translations.get(lang, "ui." + messageKey)));
    }
}
