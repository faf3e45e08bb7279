package org.tapscore.server.invitation;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignCatalog;
import org.tapscore.server.respondent.Respondent;
import org.tapscore.server.respondent.Respondents;
import org.tapscore.server.response.Channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background sender every node runs: it claims due invitations from the shared queue (see
 * {@link InvitationRepository#claimDue}), sends them, and plans the reminder. A failed attempt is retried with
 * exponential backoff (30 s, 1 min, 2 min … capped at 1 h); after {@value #MAX_ATTEMPTS} attempts, or on a
 * permanent refusal, the invitation is marked FAILED.
 */
public final class InvitationSender implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InvitationSender.class.getName());
    static final int MAX_ATTEMPTS = 8;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final int BATCH = 20;

    private final InvitationRepository repository;
    private final CampaignCatalog catalog;
    private final Respondents respondents;
    private final InvitationContent content;
    private final EmailSender email;
    private final SmsGateway sms;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private volatile boolean warnedNoSmtp;

    public InvitationSender(InvitationRepository repository, CampaignCatalog catalog, Respondents respondents,
                            InvitationContent content, EmailSender email, SmsGateway sms, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.respondents = respondents;
        this.content = content;
        this.email = email;
        this.sms = sms;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("invitation-sender").factory());
    }

    /** Starts polling every {@code interval}; stopped by {@link #close()}. */
    public InvitationSender start(Duration interval) {
        executor.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    private void pollSafely() {
        try {
            while (poll() == BATCH) {
                // a full batch: there may be more due right now
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending invitations failed; trying again at the next poll", e);
        }
    }

    /** Claims and delivers one batch of due invitations; returns how many were claimed. */
    public int poll() {
        Instant now = clock.instant();
        List<Invitation> due = repository.claimDue(now, now.plus(LEASE), BATCH);
        for (Invitation invitation : due) {
            deliver(invitation, now);
        }
        return due.size();
    }

    private void deliver(Invitation invitation, Instant now) {
        Optional<Campaign> campaign = catalog.find(invitation.campaignId());
        Optional<Respondent> respondent = invitation.respondentId() == null ? Optional.empty()
                : respondents.find(invitation.respondentId());
        boolean reminder = invitation.status() == InvitationStatus.SENT;
        if (campaign.isEmpty() || respondent.isEmpty() || invitation.expired(now)
                || (reminder && (invitation.remindedAt() != null || repository.answered(invitation.token())))) {
            repository.settle(invitation.id());
            return;
        }
        if (invitation.channel() == Channel.EMAIL && !email.ready()) {
            if (!warnedNoSmtp) {
                warnedNoSmtp = true;
                LOG.warning("Email invitations are waiting: set TAPSCORE_SMTP_HOST (and _PORT, _USER, _PASSWORD, _FROM)");
            }
            repository.postpone(invitation.id(), now.plus(Duration.ofMinutes(1)), "SMTP is not configured");
            return;
        }
        try {
            send(invitation, campaign.get(), respondent.get());
            if (reminder) {
                repository.markReminded(invitation.id(), now);
            } else {
                int reminderDays = campaign.get().sending().reminderDays();
                repository.markSent(invitation.id(), now,
                        reminderDays > 0 ? now.plus(Duration.ofDays(reminderDays)) : null);
            }
        } catch (DeliveryException e) {
            if (e.permanent() || invitation.attempts() >= MAX_ATTEMPTS) {
                LOG.warning(() -> "Invitation " + invitation.id() + " failed for good: " + e.getMessage());
                repository.markFailed(invitation.id(), e.getMessage());
            } else {
                LOG.fine(() -> "Invitation " + invitation.id() + " will be retried: " + e.getMessage());
                repository.markRetry(invitation.id(), now.plus(backoff(invitation.attempts())), e.getMessage());
            }
        }
    }

    private void send(Invitation invitation, Campaign campaign, Respondent respondent) throws DeliveryException {
        String locale = invitation.locale() == null ? campaign.defaultLocale() : invitation.locale();
        if (invitation.channel() == Channel.EMAIL) {
            if (respondent.email() == null) {
                throw new DeliveryException("The respondent has no email address", true, null);
            }
            email.send(respondent.email(), content.email(campaign, locale, invitation.token()));
        } else if (invitation.channel() == Channel.SMS) {
            if (respondent.phone() == null) {
                throw new DeliveryException("The respondent has no phone number", true, null);
            }
            sms.send(respondent.phone(), content.sms(campaign, locale, invitation.token()));
        }
    }

    /** The wait after attempt {@code attempts} (1-based): 30 s doubling, at most an hour. */
    static Duration backoff(int attempts) {
        int exponent = Math.max(0, Math.min(attempts - 1, 20));
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << exponent);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
