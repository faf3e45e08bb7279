package org.tapscore.server.invitation;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignCatalog;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.campaign.SendingRules;
import org.tapscore.server.db.Database;
import org.tapscore.server.respondent.Respondent;
import org.tapscore.server.respondent.Respondents;
import org.tapscore.server.response.Channel;
import org.tapscore.server.response.InvitationResolver;
import org.tapscore.server.response.RespondentRepository;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Validation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Making invitations: checks, sampling, the send time (delay and send window), fatigue rules, and the stored
 * row the background sender delivers. Also resolves tokens for the survey views and the recording service.
 *
 * <pre>InvitationService.Result r = invitations.trigger(request, "order-1042");</pre>
 */
public final class InvitationService implements InvitationResolver {
    private static final Set<Channel> CHANNELS = Set.of(Channel.EMAIL, Channel.SMS, Channel.LINK);

    private final CampaignCatalog catalog;
    private final RespondentRepository respondentWrites;
    private final Respondents respondents;
    private final InvitationRepository repository;
    private final InvitationContent content;
    private final FatigueRules fatigue;
    private final Clock clock;
    private final RandomGenerator sampler;

    public InvitationService(CampaignCatalog catalog, RespondentRepository respondentWrites, Respondents respondents,
                             InvitationRepository repository, InvitationContent content, FatigueRules fatigue,
                             Clock clock, RandomGenerator sampler) {
        this.catalog = catalog;
        this.respondentWrites = respondentWrites;
        this.respondents = respondents;
        this.repository = repository;
        this.content = content;
        this.fatigue = fatigue;
        this.clock = clock;
        this.sampler = sampler;
    }

    /** Makes the invitation, or returns the one made earlier with the same idempotency key ({@code created=false}). */
    public Result trigger(InvitationRequest request, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Invitation> earlier = repository.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return new Result(view(earlier.get()), false);
            }
        }
        Validation.valid(request);
        if (!CHANNELS.contains(request.channel())) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("channel",
                    "must be EMAIL, SMS or LINK")));
        }
        if (request.respondent().externalId() == null || request.respondent().externalId().isBlank()) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("respondent.externalId",
                    "is required for an invitation")));
        }
        if (request.sendAt() != null && request.delay() != null) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("delay",
                    "give either sendAt or delay, not both")));
        }
        Duration requestDelay = requestDelay(request.delay());
        Campaign campaign = catalog.find(request.campaign())
                .orElseThrow(() -> CampaignService.unknown(request.campaign()));
        if (!campaign.isActive()) {
            throw ApiException.unprocessable("campaign-inactive",
                    "The campaign '" + campaign.id() + "' is " + campaign.status().name().toLowerCase()
                            + " and sends no invitations");
        }
        if (campaign.samplePercent() < 100 && sampler.nextInt(100) >= campaign.samplePercent()) {
            throw ApiException.unprocessable("not-sampled", "This trigger was not sampled: the campaign asks "
                    + campaign.samplePercent() + "% of triggers");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID respondentId = respondentWrites.upsert(request.respondent(), now);
        Respondent respondent = respondents.find(respondentId).orElseThrow();
        if (request.channel() == Channel.EMAIL && respondent.email() == null) {
            throw ApiException.unprocessable("missing-email", "The respondent has no email address");
        }
        if (request.channel() == Channel.SMS && respondent.phone() == null) {
            throw ApiException.unprocessable("missing-phone", "The respondent has no phone number");
        }
        SendingRules rules = campaign.sending();
        Instant sendAt = SendSchedule.plan(now, request.sendAt() == null ? null
                        : request.sendAt().truncatedTo(ChronoUnit.MICROS),
                requestDelay != null ? requestDelay : rules.delayDuration(),
                request.channel() == Channel.LINK ? null : rules.window(), SendSchedule.zone(respondent, rules));
        String locale = InvitationContent.locale(campaign, respondent.attribute("locale").orElse(null));
        Invitation invitation = new Invitation(UUID.randomUUID(), InvitationTokens.newToken(), campaign.id(),
                respondentId, request.channel(), campaign.journey(),
                request.channel() == Channel.LINK ? InvitationStatus.CREATED : InvitationStatus.SCHEDULED,
                idempotencyKey, locale, now, sendAt, sendAt.plus(Duration.ofDays(rules.expiryDays())), null, null,
                null, request.channel() == Channel.LINK ? null : sendAt, 0);
        try {
            store(invitation, campaign);
        } catch (DuplicateKey e) {
            // Two requests with one key raced: the other one won, answer with its invitation.
            return new Result(view(repository.findByIdempotencyKey(idempotencyKey).orElseThrow()), false);
        }
        return new Result(view(invitation, campaign), true);
    }

    private void store(Invitation invitation, Campaign campaign) {
        Database db = repository.db();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                repository.lockRespondent(c, invitation.respondentId());
                // A retry of the same trigger that waited for the lock gets the first one's invitation, not a refusal.
                if (invitation.idempotencyKey() != null
                        && repository.findByIdempotencyKey(c, invitation.idempotencyKey()).isPresent()) {
                    c.rollback();
                    throw new DuplicateKey();
                }
                Optional<FatigueRules.Refusal> refusal = fatigue.check(c, repository, invitation.respondentId(),
                        campaign, invitation.sendAt());
                if (refusal.isPresent()) {
                    c.rollback();
                    Instant next = refusal.get().nextAllowedAt();
                    throw ApiException.conflict("fatigue", refusal.get().detail()
                            + "; the next invitation is allowed from " + next, Map.of("nextAllowedAt", next.toString()));
                }
                repository.insert(c, invitation);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (invitation.idempotencyKey() != null
                        && repository.findByIdempotencyKey(invitation.idempotencyKey()).isPresent()) {
                    throw new DuplicateKey();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store an invitation", e);
        }
    }

    /** The invitation behind a token, whatever its state (the views tell unknown from expired). */
    public Optional<Invitation> find(String token) {
        return InvitationTokens.looksValid(token) ? repository.findByToken(token) : Optional.empty();
    }

    /** The personal page was opened (only the first time counts). */
    public void opened(Invitation invitation) {
        repository.markOpened(invitation.token(), clock.instant());
    }

    /** The score already given through this invitation, shown preselected when the link is opened again. */
    public Optional<Integer> answeredScore(Invitation invitation) {
        return repository.answeredScore(invitation.token());
    }

    @Override
    public Optional<Binding> resolve(String token) {
        return find(token).map(i -> new Binding(i.token(), i.campaignId(), i.respondentId(), i.channel(),
                i.expiresAt(), i.responseKey()));
    }

    public InvitationView view(Invitation invitation) {
        Campaign campaign = catalog.find(invitation.campaignId())
                .orElseThrow(() -> CampaignService.unknown(invitation.campaignId()));
        return view(invitation, campaign);
    }

    private InvitationView view(Invitation invitation, Campaign campaign) {
        String url = content.invitationUrl(invitation.token());
        String locale = invitation.locale() == null ? campaign.defaultLocale() : invitation.locale();
        return new InvitationView(invitation.token(), url, campaign.id(), invitation.channel(), invitation.status(),
                invitation.sendAt(), invitation.expiresAt(),
                invitation.channel() == Channel.EMAIL ? content.email(campaign, locale, invitation.token()).html() : null,
                invitation.channel() == Channel.SMS ? content.sms(campaign, locale, invitation.token()) : null,
                invitation.channel() == Channel.LINK ? QrSvg.of(url) : null);
    }

    private static Duration requestDelay(String delay) {
        if (delay == null) {
            return null;
        }
        try {
            Duration parsed = SendingRules.parseDuration(delay);
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // same message below
        }
        throw ApiException.invalidFields(List.of(new ApiException.FieldError("delay",
                "must be an ISO-8601 duration such as P3D or PT2H, not negative")));
    }

    /** The invitation and whether this call made it. */
    public record Result(InvitationView invitation, boolean created) {
    }

    private static final class DuplicateKey extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateKey() {
            super(null, null, false, false);
        }
    }
}
