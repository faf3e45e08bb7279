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
import org.tapscore.server.invitation.Invitation;
import org.tapscore.server.invitation.InvitationService;
import org.tapscore.server.response.Caller;
import org.tapscore.server.response.NewResponse;
import org.tapscore.server.response.RecordingService;
import org.tapscore.server.response.ResponseView;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.ClientAddress;
import org.tapscore.server.web.OwnOrigins;
import org.tapscore.server.web.RateLimiter;
import org.tapscore.server.web.RequestBodies;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * {@code /r/{token}}: the survey of a personal invitation, rendered by the same template and model as
 * {@code /s/{campaign}}. {@code ?score=N} (the links in an email) only preselects: mail scanners open every link,
 * so a GET or HEAD never records anything; the answer is stored on the form's POST or, with JavaScript, when
 * the person picks a score. The token binds campaign, channel and respondent, and one invitation has one
 * answer: a second submit changes it.
 */
public final class InvitationViews implements HttpService {
    private final InvitationService invitations;
    private final RecordingService recording;
    private final ViewRenderer renderer;
    private final Translations translations;
    private final RequestBodies bodies;
    private final RateLimiter publicWrites;
    private final ClientAddress clientAddress;
    private final OwnOrigins ownOrigins;
    private final Clock clock;

    public InvitationViews(InvitationService invitations, RecordingService recording, ViewRenderer renderer,
                           Translations translations, RequestBodies bodies, RateLimiter publicWrites,
                           ClientAddress clientAddress, OwnOrigins ownOrigins, Clock clock) {
        this.invitations = invitations;
        this.recording = recording;
        this.renderer = renderer;
        this.translations = translations;
        this.bodies = bodies;
        this.publicWrites = publicWrites;
        this.clientAddress = clientAddress;
        this.ownOrigins = ownOrigins;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{token}", this::show)
                .post("/{token}", this::submit);
    }

    private void show(ServerRequest req, ServerResponse res) {
        Invitation invitation = invitation(req);
        Campaign campaign = recording.activeCampaign(invitation.campaignId());
        if (req.prologue().method() == io.helidon.http.Method.GET) {
            invitations.opened(invitation); // a wave's "opened" count
        }
        String lang = req.query().first("lang").orElse(invitation.locale());
        SurveyModel model = model(req, invitation, campaign, lang, null);
        Integer score = SurveyForm.score(req.query().first("score").orElse(null));
        model.selected(score != null ? score : invitations.answeredScore(invitation).orElse(null));
        send(res, Status.OK_200, campaign, model);
    }

    private void submit(ServerRequest req, ServerResponse res) {
        publicWrites.acquire(clientAddress.of(req));
        Invitation invitation = invitation(req);
        Campaign campaign = recording.activeCampaign(invitation.campaignId());
        SurveyForm form = SurveyForm.parse(bodies.text(req));
        Integer score = form.score();
        if (score == null) {
            SurveyModel model = model(req, invitation, campaign, form.get("lang"), null);
            model.error(new SurveyTexts(campaign, modelLocale(req, campaign, form.get("lang")), translations)
                    .ui("chooseScore"));
            send(res, Status.BAD_REQUEST_400, campaign, model);
            return;
        }
        String locale = modelLocale(req, campaign, form.get("lang"));
        NewResponse input = new NewResponse(campaign.id(), score, invitation.channel(), invitation.responseKey(),
                null, locale, null, null, invitation.token(), null, null, null);
        Caller caller = new Caller(req.headers().first(HeaderNames.ORIGIN).orElse(null), false, ownOrigins.of(req));
        ResponseView recorded = recording.record(input, caller).response();
        res.status(Status.SEE_OTHER_303);
        res.header(HeaderNames.LOCATION, Surface.PAGE.prefix() + "/" + campaign.id() + "/followup?r="
                + recorded.id() + "&t=" + recorded.editToken() + "&lang=" + encode(locale));
        res.send();
    }

    private Invitation invitation(ServerRequest req) {
        Invitation invitation = invitations.find(req.path().pathParameters().get("token"))
                .orElseThrow(() -> ApiException.notFound("unknown-invitation", "This invitation link is not valid"));
        if (invitation.expired(clock.instant())) {
            throw ApiException.gone("invitation-expired", "This invitation link has expired");
        }
        return invitation;
    }

    private SurveyModel model(ServerRequest req, Invitation invitation, Campaign campaign, String lang,
                              String nonce) {
        SurveyTexts texts = new SurveyTexts(campaign, modelLocale(req, campaign, lang), translations);
        SurveyModel model = new SurveyModel(Surface.PAGE, campaign, texts,
                nonce == null ? ContentSecurityPolicy.nonce() : nonce);
        model.context(invitation.channel(), null, null)
                .idempotencyKey(invitation.responseKey())
                .invitation(invitation.token(), "/r/" + invitation.token(),
                        Surface.PAGE.prefix() + "/" + campaign.id() + "/followup");
        return model;
    }

    private static String modelLocale(ServerRequest req, Campaign campaign, String lang) {
        return LocaleNegotiation.choose(lang, req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse(null),
                campaign.texts().keySet(), campaign.defaultLocale());
    }

    private void send(ServerResponse res, Status status, Campaign campaign, SurveyModel model) {
        String nonce = (String) model.toMap().get("nonce");
        res.header("Content-Security-Policy", ContentSecurityPolicy.header(campaign, nonce));
        // A personal link must not leak through the Referer of anything the page loads.
        res.header("Referrer-Policy", "no-referrer");
        renderer.send(res, status, "survey", model.toMap());
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
