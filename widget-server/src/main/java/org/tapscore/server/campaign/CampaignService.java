package org.tapscore.server.campaign;

import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Validation;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Creating and changing campaigns: validation, defaults, and keeping the catalog fresh. */
public final class CampaignService {
    private final CampaignRepository repository;
    private final CampaignCatalog catalog;
    private final Clock clock;

    public CampaignService(CampaignRepository repository, CampaignCatalog catalog, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.clock = clock;
    }

    public Campaign create(Campaign input) {
        Campaign campaign = validated(input);
        if (!repository.insert(campaign, clock.instant())) {
            throw ApiException.conflict("campaign-exists", "A campaign with id '" + campaign.id() + "' exists",
                    Map.of());
        }
        catalog.invalidate(campaign.id());
        return campaign;
    }

    public Campaign replace(String id, Campaign input) {
        if (input.id() != null && !input.id().equals(id)) {
            throw ApiException.badRequest("id-mismatch", "The body's id must match the id in the path");
        }
        Campaign campaign = validated(new Campaign(id, input.name(), input.type(), input.journey(), input.status(),
                input.defaultLocale(), input.allowedOrigins(), input.recontactDays(), input.samplePercent(),
                input.texts(), input.theme()));
        if (!repository.update(campaign, clock.instant())) {
            throw unknown(id);
        }
        catalog.invalidate(id);
        return campaign;
    }

    public Campaign get(String id) {
        return repository.find(id).orElseThrow(() -> unknown(id));
    }

    public List<Campaign> list() {
        return repository.list();
    }

    public static ApiException unknown(String id) {
        return ApiException.notFound("unknown-campaign", "There is no campaign '" + id + "'");
    }

    private static Campaign validated(Campaign input) {
        Campaign campaign = CampaignNormalizer.normalize(Validation.valid(input));
        if (campaign.name() == null) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("name", "must not be blank")));
        }
        campaign = campaign.withDefaults();
        CampaignTexts defaults = campaign.texts().get(campaign.defaultLocale());
        if (defaults == null) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError("defaultLocale",
                    "must be one of the languages in texts " + campaign.texts().keySet())));
        }
        if (defaults.question() == null || defaults.question().isBlank()) {
            throw ApiException.invalidFields(List.of(new ApiException.FieldError(
                    "texts[" + campaign.defaultLocale() + "].question",
                    "the default language needs a question")));
        }
        return campaign;
    }
}
