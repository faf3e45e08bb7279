package org.tapscore.server.i18n;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignTexts;
import org.tapscore.server.campaign.CampaignType;
import org.tapscore.server.response.Category;

import java.util.function.Function;

/**
 * The texts of one campaign in one language, each with its fallbacks resolved: the campaign's own text in that
 * language, the built-in text in that language, the campaign's default language, then English.
 */
public final class SurveyTexts {
    private final Campaign campaign;
    private final String locale;
    private final CampaignTexts own;
    private final Translations translations;

    public SurveyTexts(Campaign campaign, String locale, Translations translations) {
        this.campaign = campaign;
        this.locale = locale;
        this.own = campaign.texts().get(locale);
        this.translations = translations;
    }

    public String locale() {
        return locale;
    }

    public String direction() {
        return Translations.isRightToLeft(locale) ? "rtl" : "ltr";
    }

    public String question() {
        // A campaign's question is its own: it falls back to the campaign's default language, never to a
        // generic built-in question.
        return firstNonBlank(own == null ? null : own.question(), campaign.defaultTexts().question());
    }

    public String lowLabel() {
        return text(CampaignTexts::lowLabel, "lowLabel." + typeKey());
    }

    public String highLabel() {
        return text(CampaignTexts::highLabel, "highLabel." + typeKey());
    }

    public String followUp(Category category) {
        return text(texts -> texts.followUp() == null ? null : switch (category) {
            case DETRACTOR -> texts.followUp().detractor();
            case PASSIVE -> texts.followUp().passive();
            case PROMOTER -> texts.followUp().promoter();
        }, "followUp." + category.key());
    }

    public String thankYou() {
        return text(CampaignTexts::thankYou, "thankYou");
    }

    /** A text of the page itself (buttons, hints, errors). */
    public String ui(String key) {
        return translations.get(locale, "ui." + key);
    }

    private String typeKey() {
        return campaign.type() == CampaignType.NPS ? "nps" : "score";
    }

    private String text(Function<CampaignTexts, String> field, String builtInKey) {
        String ownText = own == null ? null : field.apply(own);
        if (ownText != null && !ownText.isBlank()) {
            return ownText;
        }
        return translations.find(locale, builtInKey)
                .orElseGet(() -> firstNonBlank(field.apply(campaign.defaultTexts()),
                        translations.get(campaign.defaultLocale(), builtInKey)));
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
