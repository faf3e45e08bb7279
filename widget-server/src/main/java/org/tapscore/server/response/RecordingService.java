package org.tapscore.server.response;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignCatalog;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.i18n.LocaleNegotiation;
import org.tapscore.server.i18n.SurveyTexts;
import org.tapscore.server.i18n.Translations;
import org.tapscore.server.kiosk.KioskDevices;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Randomness;
import org.tapscore.server.web.Validation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Recording an answer, whichever way it arrives (JSON API, plain form post, SDK): the checks, the cleaning,
 * the write, and the follow-up question to ask next.
 */
public final class RecordingService {
    /** Clients' clocks drift; a time this far ahead is taken as "now" rather than refused. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** How far back an anonymous client (a kiosk that was offline, a slow browser) may date an answer. */
    private static final Duration ANONYMOUS_BACKDATING = Duration.ofDays(30);
    /** Older answers than this are not answers to this product: likely a client clock at zero. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final CampaignCatalog catalog;
    private final ResponseRecorder recorder;
    private final ResponseRepository responses;
    private final RespondentRepository respondents;
    private final EditTokens editTokens;
    private final FormKeys formKeys;
    private final Translations translations;
    private final KioskDevices devices;
    private final Clock clock;
    private final InvitationResolver invitations;

    public RecordingService(CampaignCatalog catalog, ResponseRecorder recorder, ResponseRepository responses,
                            RespondentRepository respondents, EditTokens editTokens, FormKeys formKeys,
                            Translations translations, KioskDevices devices, Clock clock,
                            InvitationResolver invitations) {
        this.invitations = invitations;
        this.catalog = catalog;
        this.recorder = recorder;
        this.responses = responses;
        this.respondents = respondents;
        this.editTokens = editTokens;
        this.formKeys = formKeys;
        this.translations = translations;
        this.devices = devices;
        this.clock = clock;
    }

    /** Records the answer; a repeated idempotency key returns the first answer with {@code created=false}. */
    public Result record(NewResponse input, Caller caller) {
        Validation.valid(input);
        Campaign campaign = activeCampaign(input.campaign());
        if (!OriginPolicy.allows(campaign, caller.origin(), caller.ownOrigins())) {
            throw ApiException.forbidden("origin-not-allowed",
                    "Answers for this campaign are not accepted from " + caller.origin());
        }
        // A device field is a kiosk device token: it decides the stored device id and location, never the client.
        // (An empty one is the plain form's empty hidden field: no device.)
        KioskDevices.AnswerDevice device = input.device() == null || input.device().isBlank() ? null
                : devices.forAnswer(input.device().strip(), campaign.id());
        String comment = comment(input.comment());
        UUID respondentId = null;
        if (input.respondent() != null) {
            if (!caller.authenticated()) {
                throw ApiException.forbidden("respondent-needs-key",
                        "Only callers with an API key may say who the respondent is");
            }
            if (input.respondent().externalId() == null && input.respondent().email() == null) {
                throw ApiException.invalidFields(List.of(new ApiException.FieldError("respondent",
                        "needs an externalId or an email")));
            }
            respondentId = respondents.upsert(input.respondent(), clock.instant());
        }
        // ---- invitations: the token binds campaign, channel and respondent; one answer per invitation ----
        InvitationResolver.Binding invitation = input.invitation() == null ? null : invitation(input, campaign);
        if (invitation != null) {
            respondentId = invitation.respondentId();
            input = new NewResponse(input.campaign(), input.score(), invitation.channel(),
                    invitation.idempotencyKey(), input.comment(), input.locale(), input.location(), input.device(),
                    invitation.token(), input.answeredAt(), null, input.pageUrl());
        }
        // ---- /invitations ----
        // Databases keep microseconds: truncate now, so a repeated request returns exactly the same instants.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant answeredAt = input.answeredAt() == null || input.answeredAt().isAfter(now.plus(FUTURE_TOLERANCE))
                ? now : input.answeredAt().truncatedTo(ChronoUnit.MICROS);
        Instant earliest = caller.authenticated() ? EARLIEST : now.minus(ANONYMOUS_BACKDATING);
        if (answeredAt.isBefore(earliest)) {
            throw ApiException.unprocessable("answered-too-long-ago", "answeredAt must not be before " + earliest
                    + (caller.authenticated() ? "" : " (older answers need an API key)"));
        }
        String locale = input.locale() == null ? campaign.defaultLocale()
                : LocaleNegotiation.choose(input.locale(), null, campaign.texts().keySet(), campaign.defaultLocale());
        // Anti-repeat: taps of one device closer together than the campaign allows are kept but flagged, and the
        // summary leaves them out. Compared by answeredAt, so answers queued offline are judged by when they were given.
        boolean suspect = device != null && devices.isRepeat(device, campaign.id(), answeredAt,
                Duration.ofSeconds(campaign.kiosk().minTapIntervalSeconds()), input.idempotencyKey());
        StoredResponse row = new StoredResponse(Randomness.uuid(), campaign.id(), input.score(), comment,
                input.channel(), locale,
                device == null ? TextNormalizer.label(input.location()) : device.location(),
                device == null ? null : device.id(),
                respondentId, input.invitation(), input.pageUrl(), input.idempotencyKey(), suspect, answeredAt, now);
        ResponseRepository.Recorded recorded = recorder.record(row);
        if (invitation != null && !recorded.created() && recorded.response().score() != row.score()) {
            // A second submit on the same invitation changes the answer instead of adding one.
            StoredResponse first = recorded.response();
            responses.updateScore(first.id(), row.score(), row.answeredAt(), row.locale());
            StoredResponse updated = new StoredResponse(first.id(), first.campaignId(), row.score(), first.comment(),
                    first.channel(), row.locale(), first.location(), first.device(), first.respondentId(),
                    first.invitation(), first.pageUrl(), first.idempotencyKey(), first.suspect(), row.answeredAt(),
                    first.receivedAt());
            return new Result(view(campaign, updated), false);
        }
        ResponseView view = view(campaign, recorded.response());
        // A registered kiosk's token is a credential: a kiosk resending after a lost reply needs the edit token back
        // to attach the comment it queued.
        if (!recorded.created() && invitation == null && !caller.authenticated() && device == null
                && !formKeys.isIssuedHere(input.idempotencyKey())) {
            // Anyone could repeat a guessable key: they learn the answer exists, not its comment or edit token.
            // (An invitation token is itself an unguessable secret, so its holder is the respondent.)
            view = view.withoutSecrets();
        }
        return new Result(view, recorded.created());
    }

    private InvitationResolver.Binding invitation(NewResponse input, Campaign campaign) {
        InvitationResolver.Binding binding = invitations.resolve(input.invitation())
                .orElseThrow(() -> ApiException.notFound("unknown-invitation", "This invitation link is not valid"));
        if (!binding.campaignId().equals(campaign.id())) {
            throw ApiException.unprocessable("invitation-campaign",
                    "This invitation belongs to another campaign");
        }
        if (!clock.instant().isBefore(binding.expiresAt())) {
            throw ApiException.gone("invitation-expired", "This invitation link has expired");
        }
        return binding;
    }

    /** Attaches (or replaces) the comment of a response whose edit token the caller holds. */
    public ResponseView attachComment(UUID id, String editToken, String rawComment) {
        if (!editTokens.verify(id, editToken)) {
            throw ApiException.forbidden("bad-edit-token", "The edit token does not match this response");
        }
        StoredResponse stored = responses.find(id)
                .orElseThrow(() -> ApiException.notFound("unknown-response", "There is no response " + id));
        Campaign campaign = catalog.find(stored.campaignId()).orElseThrow(() -> CampaignService.unknown(stored.campaignId()));
        String comment = comment(rawComment);
        responses.attachComment(id, comment, clock.instant());
        return view(campaign, stored, comment);
    }

    /** The response and the texts that go with it, for a view that shows the follow-up step. */
    public StoredResponse find(UUID id, String editToken) {
        if (!editTokens.verify(id, editToken)) {
            throw ApiException.forbidden("bad-edit-token", "The edit token does not match this response");
        }
        return responses.find(id)
                .orElseThrow(() -> ApiException.notFound("unknown-response", "There is no response " + id));
    }

    /** The campaign, active or not; a 404 when there is none. */
    public Campaign campaign(String id) {
        return catalog.find(id).orElseThrow(() -> CampaignService.unknown(id));
    }

    public Campaign activeCampaign(String id) {
        Campaign campaign = campaign(id);
        if (!campaign.isActive()) {
            throw ApiException.unprocessable("campaign-inactive",
                    "The campaign '" + id + "' is " + campaign.status().name().toLowerCase() + " and takes no answers");
        }
        return campaign;
    }

    private static String comment(String raw) {
        String comment = TextNormalizer.clean(raw);
        if (TextNormalizer.length(comment) > NewResponse.MAX_COMMENT) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("comment",
                    "must be at most " + NewResponse.MAX_COMMENT + " characters")));
        }
        return comment;
    }

    private ResponseView view(Campaign campaign, StoredResponse response) {
        return view(campaign, response, response.comment());
    }

    private ResponseView view(Campaign campaign, StoredResponse response, String comment) {
        String locale = response.locale() != null && campaign.texts().containsKey(response.locale())
                ? response.locale() : campaign.defaultLocale();
        SurveyTexts texts = new SurveyTexts(campaign, locale, translations);
        return new ResponseView(response.id(), response.campaignId(), response.score(), response.category(),
                texts.followUp(response.category()), editTokens.issue(response.id()), comment, response.channel(),
                locale, response.location(), response.device(), response.answeredAt(), response.receivedAt());
    }

    /** The recorded answer and whether this call created it. */
    public record Result(ResponseView response, boolean created) {
    }
}
