package org.tapscore.server.targets;

import org.tapscore.server.admin.DashboardStats;
import org.tapscore.server.admin.NpsFigures;
import org.tapscore.server.admin.ResponseFilter;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.campaign.CampaignType;
import org.tapscore.server.campaign.Journey;
import org.tapscore.server.web.ApiException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sets, reads and clears campaign targets, and measures them with the dashboard's own counting
 * ({@link DashboardStats}), so a target's NPS is the number the dashboard shows for the same days.
 */
public final class TargetService {
    /** The baseline is the NPS of this many days before the day the target is set. */
    static final int BASELINE_DAYS = 90;

    private final TargetRepository repository;
    private final CampaignService campaigns;
    private final DashboardStats stats;
    private final Clock clock;
    private final ZoneId defaultZone;

    public TargetService(TargetRepository repository, CampaignService campaigns, DashboardStats stats, Clock clock,
                         ZoneId defaultZone) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.stats = stats;
        this.clock = clock;
        this.defaultZone = defaultZone;
    }

    /** Sets or replaces the campaign's target, measuring the baseline now unless the request gives one. */
    public TargetProgress set(String campaignId, TargetRequest request, String setBy) {
        Campaign campaign = campaigns.get(campaignId);
        if (campaign.type() != CampaignType.NPS) {
            throw ApiException.unprocessable("not-nps", "Campaign '" + campaign.id()
                    + "' asks a SCORE question and has no NPS to set a target for");
        }
        TargetRequest.Checked checked = request.check(clock, defaultZone);
        LocalDate today = checked.today();
        Double baseline;
        long baselineAnswers;
        if (checked.baseline() != null) {
            baseline = checked.baseline().doubleValue();
            baselineAnswers = 0;
        } else {
            NpsFigures before = figures(campaign, today.minusDays(BASELINE_DAYS), today.minusDays(1), checked.zone());
            baseline = before.nps();
            baselineAnswers = before.n();
        }
        // To the microsecond, as the database keeps it, so the PUT's answer and a later GET agree.
        NpsTarget target = new NpsTarget(campaign.id(), checked.nps(), checked.date(), checked.zone(), baseline,
                baselineAnswers, today, setBy, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        repository.save(target);
        return measure(campaign, target);
    }

    /** The campaign's target and where it stands today; empty when it has none (404 for an unknown campaign). */
    public Optional<TargetProgress> progress(String campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        if (campaign.type() != CampaignType.NPS) {
            return Optional.empty();
        }
        return repository.find(campaign.id()).map(target -> measure(campaign, target));
    }

    /** Every NPS campaign's target with its progress, by campaign id (the campaign list). */
    public Map<String, TargetProgress> progressOfAll() {
        Map<String, Campaign> byId = campaigns.list().stream()
                .collect(Collectors.toMap(Campaign::id, Function.identity()));
        Map<String, TargetProgress> progress = new LinkedHashMap<>();
        for (NpsTarget target : repository.list()) {
            Campaign campaign = byId.get(target.campaign());
            if (campaign != null && campaign.type() == CampaignType.NPS) {
                progress.put(campaign.id(), measure(campaign, target));
            }
        }
        return progress;
    }

    /** Removes the campaign's target; false when it had none (404 for an unknown campaign). */
    public boolean clear(String campaignId) {
        return repository.delete(campaigns.get(campaignId).id());
    }

    private TargetProgress measure(Campaign campaign, NpsTarget target) {
        LocalDate today = LocalDate.now(clock.withZone(target.zone()));
        LocalDate end = TargetProgress.periodEnd(target, today);
        // Progress starts on the day it was set, the day after the baseline's last: no answer counts in both.
        return TargetProgress.of(target, figures(campaign, target.baselineDate(), end, target.zone()), today);
    }

    /** NPS over whole days in {@code zone}; relationship campaigns count each respondent's latest answer once. */
    private NpsFigures figures(Campaign campaign, LocalDate from, LocalDate to, ZoneId zone) {
        return stats.figures(new ResponseFilter(campaign.id(), null, null, null, null, from, to, null, zone,
                campaign.journey() == Journey.RELATIONSHIP));
    }
}
