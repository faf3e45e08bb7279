package org.tapscore.server.survey;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.i18n.LocaleNegotiation;
import org.tapscore.server.i18n.SurveyTexts;
import org.tapscore.server.i18n.Translations;
import org.tapscore.server.response.Caller;
import org.tapscore.server.response.Channel;
import org.tapscore.server.response.FormKeys;
import org.tapscore.server.response.NewResponse;
import org.tapscore.server.response.RecordingService;
import org.tapscore.server.response.ResponseView;
import org.tapscore.server.response.StoredResponse;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.ClientAddress;
import org.tapscore.server.web.OwnOrigins;
import org.tapscore.server.web.RateLimiter;
import org.tapscore.server.web.RequestBodies;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The survey as HTML: score → follow-up → thank-you. Every step is a plain form that works without JavaScript
 * (post, then redirect); {@code survey.js} turns the same markup into a single page that talks to the JSON API.
 * One instance serves each {@link Surface}.
 */
public final class SurveyViews implements HttpService {
    private final Surface surface;
    private final RecordingService recording;
    private final ViewRenderer renderer;
    private final Translations translations;
    private final RequestBodies bodies;
    private final RateLimiter publicWrites;
    private final ClientAddress clientAddress;
    private final OwnOrigins ownOrigins;
    private final FormKeys formKeys;

    public SurveyViews(Surface surface, RecordingService recording, ViewRenderer renderer, Translations translations,
                       RequestBodies bodies, RateLimiter publicWrites, ClientAddress clientAddress,
                       OwnOrigins ownOrigins, FormKeys formKeys) {
        this.surface = surface;
        this.recording = recording;
        this.renderer = renderer;
        this.translations = translations;
        this.bodies = bodies;
        this.publicWrites = publicWrites;
        this.clientAddress = clientAddress;
        this.ownOrigins = ownOrigins;
        this.formKeys = formKeys;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{campaign}", this::showScore)
                .post("/{campaign}", this::submitScore)
                .get("/{campaign}/followup", this::showFollowUp)
                .post("/{campaign}/followup", this::submitComment)
                .get("/{campaign}/thanks", this::showThanks);
    }

    private void showScore(ServerRequest req, ServerResponse res) {
        Campaign campaign = recording.activeCampaign(campaignId(req));
        // Refused here rather than after the customer has answered: the answer could not be stored.
        requireLabel(req.query().first("loc").orElse(null), 200, "loc");
        requireLabel(req.query().first("device").orElse(null), 100, "device");
        Page page = page(req, campaign, req.query().first("lang").orElse(null));
        page.model.context(channel(req.query().first("ch").orElse(null)), req.query().first("loc").orElse(null),
                        req.query().first("device").orElse(null))
                .selected(SurveyForm.score(req.query().first("score").orElse(null)))
                // embed: who embeds the view, for postMessage and the answer's pageUrl
                .embedding(EmbedContext.parentOrigin(campaign, req.query().first("origin").orElse(null)),
                        EmbedContext.pageUrl(req.query().first("page").orElse(null)));
        send(res, Status.OK_200, page);
    }

    private void submitScore(ServerRequest req, ServerResponse res) {
        publicWrites.acquire(clientAddress.of(req));
        Campaign campaign = recording.activeCampaign(campaignId(req));
        SurveyForm form = SurveyForm.parse(bodies.text(req));
        Page page = page(req, campaign, form.get("lang"));
        Channel channel = channel(form.get("ch"));
        Integer score = form.score();
        String key = form.get("key");
        if (score == null || !formKeys.isIssuedHere(key)) {
            page.model.context(channel, form.get("loc"), form.get("device"))
                    .idempotencyKey(formKeys.isIssuedHere(key) ? key : formKeys.issue())
                    .error(page.texts.ui("chooseScore"));
            send(res, Status.BAD_REQUEST_400, page);
            return;
        }
        NewResponse input = new NewResponse(campaign.id(), score, channel, key, null, page.texts.locale(),
                form.get("loc"), form.get("device"), null, null, null, null);
        Caller caller = new Caller(req.headers().first(HeaderNames.ORIGIN).orElse(null), false, ownOrigins.of(req));
        ResponseView recorded = recording.record(input, caller).response();
        redirect(res, surface.prefix() + "/" + campaign.id() + "/followup?r=" + recorded.id()
                + "&t=" + recorded.editToken() + "&lang=" + encode(page.texts.locale()));
    }

    private void showFollowUp(ServerRequest req, ServerResponse res) {
        Campaign campaign = recording.activeCampaign(campaignId(req));
        UUID id = responseId(req.query().first("r").orElse(null));
        String token = req.query().first("t").orElse(null);
        StoredResponse stored = recording.find(id, token);
        if (!stored.campaignId().equals(campaign.id())) {
            throw ApiException.notFound("unknown-response", "This link is not valid");
        }
        Page page = page(req, campaign, req.query().first("lang").orElse(stored.locale()));
        page.model.followUp(id, token, stored.category(), page.texts.followUp(stored.category()));
        send(res, Status.OK_200, page);
    }

    private void submitComment(ServerRequest req, ServerResponse res) {
        publicWrites.acquire(clientAddress.of(req));
        Campaign campaign = recording.activeCampaign(campaignId(req));
        SurveyForm form = SurveyForm.parse(bodies.text(req));
        recording.attachComment(responseId(form.get("r")), form.get("t"), form.get("comment"));
        redirect(res, surface.prefix() + "/" + campaign.id() + "/thanks?lang=" + encode(form.get("lang")));
    }

    private void showThanks(ServerRequest req, ServerResponse res) {
        Campaign campaign = recording.activeCampaign(campaignId(req));
        Page page = page(req, campaign, req.query().first("lang").orElse(null));
        page.model.thanks();
        send(res, Status.OK_200, page);
    }

    private Page page(ServerRequest req, Campaign campaign, String lang) {
        String locale = LocaleNegotiation.choose(lang, req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse(null),
                campaign.texts().keySet(), campaign.defaultLocale());
        SurveyTexts texts = new SurveyTexts(campaign, locale, translations);
        String nonce = ContentSecurityPolicy.nonce();
        return new Page(campaign, texts, nonce,
                new SurveyModel(surface, campaign, texts, nonce).idempotencyKey(formKeys.issue()));
    }

    private void send(ServerResponse res, Status status, Page page) {
        res.header("Content-Security-Policy", ContentSecurityPolicy.header(page.campaign, page.nonce));
        // kiosk: its own template, with every step's texts in the page so it runs offline
        if (surface == Surface.KIOSK) {
            page.model.toMap().put("kiosk", KioskModel.of(page.campaign, page.texts, translations));
            renderer.send(res, status, "kiosk", page.model.toMap());
            return;
        }
        renderer.send(res, status, "survey", page.model.toMap());
    }

    private Channel channel(String ch) {
        return Channel.fromViewParameter(ch).orElse(surface.defaultChannel());
    }

    private static void requireLabel(String value, int max, String name) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw ApiException.badRequest("bad-link", "'" + name + "' must be at most " + max + " characters");
        }
    }

    private static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, location);
        res.send();
    }

    private static String campaignId(ServerRequest req) {
        return req.path().pathParameters().get("campaign");
    }

    private static UUID responseId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.notFound("unknown-response", "This link is not valid");
        }
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Page(Campaign campaign, SurveyTexts texts, String nonce, SurveyModel model) {
    }
}
