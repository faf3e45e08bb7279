package org.tapscore.server.survey;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.KioskSettings;
import org.tapscore.server.i18n.SurveyTexts;
import org.tapscore.server.i18n.Translations;
import org.tapscore.server.response.Category;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The kiosk view's additions to the survey model: its timings, the follow-up text of every category (the page
 * chooses one itself when offline) and the staff PIN as a salted hash, so the PIN is not readable in the page.
 */
final class KioskModel {
    private KioskModel() {
    }

    static Map<String, Object> of(Campaign campaign, SurveyTexts texts, Translations translations) {
        KioskSettings kiosk = campaign.kiosk() == null ? KioskSettings.DEFAULT : campaign.kiosk();
        return Map.of(
                "resetSeconds", kiosk.resetSeconds(),
                "idleSeconds", kiosk.idleSeconds(),
                "pinHash", kiosk.staffPin() == null ? "" : pinHash(campaign.id(), kiosk.staffPin()),
                "followUpDetractor", texts.followUp(Category.DETRACTOR),
                "followUpPassive", texts.followUp(Category.PASSIVE),
                "followUpPromoter", texts.followUp(Category.PROMOTER),
                "attract", translations.get(texts.locale(), "kiosk.attract"),
                "nextIn", translations.get(texts.locale(), "kiosk.nextIn"));
    }

    /** SHA-256 of {@code campaign:pin} in hex; kiosk.js computes the same with SubtleCrypto. */
    static String pinHash(String campaign, String pin) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((campaign + ":" + pin).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
