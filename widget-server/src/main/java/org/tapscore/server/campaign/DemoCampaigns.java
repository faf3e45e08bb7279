package org.tapscore.server.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The campaigns a new embedded installation starts with, so there is something to answer at once. */
public final class DemoCampaigns {
    private DemoCampaigns() {
    }

    public static List<Campaign> all() {
        Map<String, CampaignTexts> npsTexts = new LinkedHashMap<>();
        npsTexts.put("da", new CampaignTexts(
                "Hvor sandsynligt er det, at du vil anbefale os til en i dit netværk?", null, null, null, null));
        npsTexts.put("en", new CampaignTexts(
                "How likely is it that you would recommend us to someone in your network?", null, null, null, null));
        npsTexts.put("ar", new CampaignTexts(
                "ما مدى احتمال أن توصي بنا لشخص في شبكة معارفك؟", null, null, null, null));
        Campaign demo = new Campaign("demo", "Demo: relationship NPS", CampaignType.NPS, Journey.RELATIONSHIP,
                CampaignStatus.ACTIVE, "da", List.of(), 90, 100, npsTexts, Theme.DEFAULT);

        Map<String, CampaignTexts> scoreTexts = new LinkedHashMap<>();
        scoreTexts.put("da", new CampaignTexts(
                "I hvor høj grad levede vores service op til dine forventninger?", null, null, null, null));
        scoreTexts.put("en", new CampaignTexts(
                "To what extent did our service meet your expectations?", null, null, null, null));
        Campaign service = new Campaign("service", "Demo: service expectations", CampaignType.SCORE,
                Journey.TOUCHPOINT, CampaignStatus.ACTIVE, "da", List.of(), 30, 100, scoreTexts,
                new Theme("#1f5fa8", null));
        return List.of(demo, service);
    }
}
