package org.tapscore.server.wave;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignCatalog;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.invitation.FatigueRules;
import org.tapscore.server.invitation.Invitation;
import org.tapscore.server.invitation.InvitationContent;
import org.tapscore.server.invitation.InvitationRepository;
import org.tapscore.server.invitation.InvitationStatus;
import org.tapscore.server.invitation.InvitationTokens;
import org.tapscore.server.invitation.SendSchedule;
import org.tapscore.server.respondent.Respondent;
import org.tapscore.server.response.Channel;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Validation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Making a wave: select the respondents, give each a send time ({@link WaveSlots}), leave out those without an
 * address for the channel or inside their fatigue window (the same {@link FatigueRules} check as a single
 * trigger, under the same respondent lock), and store the invitations for the ordinary sender to deliver.
 * Rows are committed in batches so a large wave never holds many respondent locks for long.
 */
public final class WaveService {
    static final String PLANNING = "PLANNING";
    static final String SCHEDULED = "SCHEDULED";
    static final String CANCELLED = "CANCELLED";
    private static final int BATCH = 200;
    /** How long a planner holds a wave without committing a batch before another node may take it up. */
    static final Duration PLANNING_HOLD = Duration.ofMinutes(5);
    /** How far in the past a start may lie (clocks differ, forms sit open) before it is taken for a mistake. */
    static final Duration PAST_START_TOLERANCE = Duration.ofMinutes(15);

    private final CampaignCatalog catalog;
    private final SelectionQuery selections;
    private final WaveRepository waves;
    private final WavePlanning planning;
    private final InvitationRepository invitations;
    private final FatigueRules fatigue;
    private final Clock clock;

    public WaveService(CampaignCatalog catalog, SelectionQuery selections, WaveRepository waves,
                       WavePlanning planning, InvitationRepository invitations, FatigueRules fatigue, Clock clock) {
        this.catalog = catalog;
        this.selections = selections;
        this.waves = waves;
        this.planning = planning;
        this.invitations = invitations;
        this.fatigue = fatigue;
        this.clock = clock;
    }

    /** Whom a selection picks right now (before skips), in the wave's order. */
    public List<SelectionQuery.Candidate> select(Selection selection) {
        return selections.run(valid(selection), clock.instant());
    }

    /** Stores the wave, or returns the one stored earlier under the same idempotency key. */
    public Result create(WaveRequest request, String idempotencyKey, String createdBy) {
        if (idempotencyKey != null && !Boolean.TRUE.equals(request.dryRun())) {
            Optional<Wave> earlier = waves.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                // A retry after a planner stopped mid-way finishes the wave rather than answering with half of it.
                return new Result(resume(earlier.get().id()).orElse(earlier.get()), null, false, false);
            }
        }
        Validation.valid(request);
        if (request.channel() != Channel.EMAIL && request.channel() != Channel.SMS) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("channel", "must be EMAIL or SMS")));
        }
        Campaign campaign = catalog.find(request.campaign())
                .orElseThrow(() -> CampaignService.unknown(request.campaign()));
        if (!campaign.isActive()) {
            throw ApiException.unprocessable("campaign-inactive", "The campaign '" + campaign.id() + "' is "
                    + campaign.status().name().toLowerCase() + " and sends no invitations");
        }
        Selection selection = valid(request.selection());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (request.startAt() != null && request.startAt().isBefore(now.minus(PAST_START_TOLERANCE))) {
            // A start in the past is most likely a mistyped date; taken as "now" it would mail everyone at once.
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("startAt",
                    "is in the past; leave it empty to start now")));
        }
        if (request.startAt() != null
                && request.startAt().isAfter(now.atZone(java.time.ZoneOffset.UTC).plusYears(1).toInstant())) {
            // Far-off slots would also hold every recipient's fatigue window until then.
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("startAt",
                    "is more than a year ahead; plan the wave nearer the time")));
        }
        Instant start = request.startAt() == null || request.startAt().isBefore(now) ? now
                : request.startAt().truncatedTo(ChronoUnit.MICROS);
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        String name = request.name() == null || request.name().isBlank() ? campaign.name() : request.name().strip();
        Wave wave = new Wave(UUID.randomUUID(), campaign.id(), request.channel(), name, selection,
                request.ratePerHour(), start, PLANNING, createdBy, now);
        List<SelectionQuery.Candidate> candidates = selections.run(selection, now);
        try (Connection c = waves.db().connection()) {
            c.setAutoCommit(false);
            if (!dryRun) {
                try {
                    waves.insert(c, wave, idempotencyKey, now.plus(PLANNING_HOLD));
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    Optional<Wave> raced = idempotencyKey == null ? Optional.empty()
                            : waves.findByIdempotencyKey(idempotencyKey);
                    if (raced.isPresent()) {
                        return new Result(raced.get(), null, false, false); // a concurrent retry stored it first
                    }
                    throw e;
                }
            }
            WavePlan plan;
            try {
                plan = plan(c, wave, campaign, candidates, dryRun);
                if (dryRun) {
                    c.rollback();
                    return new Result(wave, plan, false, true);
                }
                finishPlanning(c, wave.id());
            } catch (Cancelled e) {
                c.rollback();
                return new Result(waves.find(wave.id()).orElseThrow(), null, true, false);
            } catch (SQLException e) {
                c.rollback();
                // Waiting for a cancel that holds the wave can time out; the wave is then stopped, not broken.
                Optional<Wave> stopped = dryRun ? Optional.empty()
                        : waves.find(wave.id()).filter(w -> CANCELLED.equals(w.status()));
                if (stopped.isPresent()) {
                    return new Result(stopped.get(), null, true, false);
                }
                throw e;
            }
            return new Result(waves.find(wave.id()).orElseThrow(), plan, true, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a wave", e);
        }
    }

    /**
     * Finishes planning a wave whose planner stopped mid-way (the node died or was restarted): the respondents
     * it already invited or skipped are left as they are, the others get slots after its last planned one.
     * Empty when the wave is not in planning or another node holds it.
     */
    public Optional<Wave> resume(UUID waveId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!planning.claimPlanning(waveId, now, now.plus(PLANNING_HOLD))) {
            return Optional.empty();
        }
        Wave wave = waves.find(waveId).orElseThrow();
        WavePlanning.Planned done = planning.planned(waveId);
        Instant start = wave.startAt().isAfter(now) ? wave.startAt() : now;
        if (done.lastSendAt() != null) {
            Instant next = done.lastSendAt().plus(Duration.ofNanos(3_600_000_000_000L / wave.ratePerHour()));
            start = next.isAfter(start) ? next : start;
        }
        Wave rest = new Wave(wave.id(), wave.campaignId(), wave.channel(), wave.name(), wave.selection(),
                wave.ratePerHour(), start, wave.status(), wave.createdBy(), wave.createdAt());
        List<SelectionQuery.Candidate> candidates = selections.run(wave.selection(), now).stream()
                .filter(k -> !done.respondents().contains(k.respondent().id())).toList();
        try (Connection c = waves.db().connection()) {
            c.setAutoCommit(false);
            Optional<Campaign> campaign = catalog.find(wave.campaignId()).filter(Campaign::isActive);
            try {
                if (campaign.isPresent()) {
                    plan(c, rest, campaign.get(), candidates, false);
                }
                finishPlanning(c, wave.id());
            } catch (Cancelled e) {
                c.rollback();
            } catch (SQLException e) {
                c.rollback();
                if (waves.find(wave.id()).filter(w -> CANCELLED.equals(w.status())).isEmpty()) {
                    throw e;
                }
            }
            return waves.find(wave.id());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not finish planning a wave", e);
        }
    }

    /** Finishes every wave whose planner stopped mid-way; run now and then by {@link StalledWaves}. */
    public int resumeStalled() {
        int resumed = 0;
        for (UUID id : planning.stalled(clock.instant())) {
            resumed += resume(id).isPresent() ? 1 : 0;
        }
        return resumed;
    }

    private WavePlan plan(Connection c, Wave wave, Campaign campaign, List<SelectionQuery.Candidate> candidates,
                      boolean dryRun) throws SQLException {
        WavePlan plan = new WavePlan(candidates.size());
        try {
            WaveSlots.assign(candidates, k -> SendSchedule.zone(k.respondent(), campaign.sending()), wave.startAt(),
                    wave.ratePerHour(), campaign.sending().window(), (k, at) -> {
                        try {
                            boolean invited = offer(c, wave, campaign, k, at, dryRun, plan);
                            if (!dryRun && (plan.invited + plan.skipped) % BATCH == 0) {
                                if (!planning.holdPlanning(c, wave.id(), clock.instant().plus(PLANNING_HOLD))) {
                                    throw new Cancelled();
                                }
                                c.commit(); // releases the respondent locks taken so far
                            }
                            return invited;
                        } catch (SQLException e) {
                            throw new Failure(e);
                        }
                    });
        } catch (Failure e) {
            throw e.sql;
        }
        return plan;
    }

    private boolean offer(Connection c, Wave wave, Campaign campaign, SelectionQuery.Candidate candidate,
                          Instant at, boolean dryRun, WavePlan plan) throws SQLException {
        Respondent r = candidate.respondent();
        Optional<Skip> skip = Optional.empty();
        if (wave.channel() == Channel.EMAIL && r.email() == null) {
            skip = Optional.of(new Skip(r.id(), r.externalId(), Skip.NO_EMAIL, "The respondent has no email address", null));
        } else if (wave.channel() == Channel.SMS && r.phone() == null) {
            skip = Optional.of(new Skip(r.id(), r.externalId(), Skip.NO_PHONE, "The respondent has no phone number", null));
        } else {
            if (!dryRun) {
                invitations.lockRespondent(c, r.id());
            }
            skip = fatigue.check(c, invitations, r.id(), campaign, at).map(f -> new Skip(r.id(), r.externalId(),
                    f.reason(), f.detail(), f.nextAllowedAt()));
        }
        if (skip.isPresent()) {
            plan.skip(skip.get());
            if (!dryRun) {
                waves.insertSkip(c, wave.id(), skip.get());
            }
            return false;
        }
        String locale = InvitationContent.locale(campaign, candidate.language() != null ? candidate.language()
                : r.attribute("locale").orElse(null));
        Invitation invitation = new Invitation(UUID.randomUUID(), InvitationTokens.newToken(), campaign.id(), r.id(),
                wave.channel(), campaign.journey(), InvitationStatus.SCHEDULED, "wave-" + wave.id() + "-" + r.id(),
                locale, wave.createdAt(), at, at.plus(Duration.ofDays(campaign.sending().expiryDays())), null, null,
                null, at, 0);
        if (!dryRun) {
            invitations.insert(c, invitation, wave.id());
        }
        plan.invite(at);
        return true;
    }

    /** Commits the last batch with the status, or drops it when the wave was cancelled meanwhile. */
    private void finishPlanning(Connection c, UUID waveId) throws SQLException {
        if (waves.markScheduled(c, waveId)) {
            c.commit();
        } else {
            c.rollback();
        }
    }

    /**
     * Stops a wave: what has not been sent is not sent. Cancelling again, or a wave that has sent everything,
     * changes nothing more.
     */
    public void cancel(UUID waveId) {
        waves.cancel(waveId);
    }

    private static Selection valid(Selection selection) {
        if (selection == null) {
            return Selection.EVERYONE;
        }
        Validation.valid(selection);
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (selection.attributes() != null) {
            selection.attributes().forEach((key, value) -> {
                if (value == null || value.isBlank()) {
                    errors.add(new ApiException.FieldError("selection.attributes",
                            "'" + key + "' needs a value to match"));
                }
            });
        }
        if (selection.lastAnswerAfter() != null && selection.lastAnswerBefore() != null
                && !selection.lastAnswerAfter().isBefore(selection.lastAnswerBefore())) {
            // Nobody's latest answer can lie in an empty range: the selection would silently pick no one.
            errors.add(new ApiException.FieldError("selection.lastAnswerAfter", "must be before lastAnswerBefore"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalidFields(errors);
        }
        return selection.normalized();
    }

    /** The wave, its plan when this call planned it, whether this call stored it, and whether it was a dry run. */
    public record Result(Wave wave, WavePlan plan, boolean created, boolean dryRun) {
    }

    /** Thrown out of a planning batch when the wave was cancelled meanwhile. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }

    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException sql;

        Failure(SQLException cause) {
            super(cause);
            this.sql = cause;
        }
    }
}
