package org.tapscore.server.survey;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.i18n.SurveyTexts;
import org.tapscore.server.response.Category;
import org.tapscore.server.response.Channel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Builds the template model of one survey page. Every key is always present (strict templates). */
final class SurveyModel {
    private static final List<Integer> SCORES = IntStream.rangeClosed(0, 10).boxed().toList();
    private static final List<String> UI_KEYS = List.of("next", "send", "skip", "recorded", "commentHint",
            "chooseScore", "close", "error", "scoreLabel");

    private final Map<String, Object> model = new HashMap<>();

    SurveyModel(Surface surface, Campaign campaign, SurveyTexts texts, String nonce) {
        String base = surface.prefix() + "/" + campaign.id();
        Map<String, String> ui = new HashMap<>();
        UI_KEYS.forEach(key -> ui.put(key, texts.ui(key)));
        model.put("surface", surface.cssName());
        model.put("campaignId", campaign.id());
        model.put("campaignType", campaign.type().name());
        model.put("lang", texts.locale());
        model.put("dir", texts.direction());
        model.put("question", texts.question());
        model.put("lowLabel", texts.lowLabel());
        model.put("highLabel", texts.highLabel());
        model.put("thankYou", texts.thankYou());
        model.put("ui", ui);
        model.put("scores", SCORES);
        model.put("nonce", nonce);
        model.put("primaryColor", campaign.theme().primaryColor());
        model.put("logoUrl", campaign.theme().logoUrl() == null ? "" : campaign.theme().logoUrl());
        model.put("scoreAction", base);
        model.put("followUpAction", base + "/followup");
        model.put("step", "score");
        model.put("selected", -1);
        model.put("error", "");
        model.put("followUpText", "");
        model.put("category", "");
        model.put("responseId", "");
        model.put("editToken", "");
        model.put("idempotencyKey", "");
        model.put("channel", surface.defaultChannel().name());
        model.put("location", "");
        model.put("device", "");
        model.put("invitation", "");
        model.put("parentOrigin", "");
        model.put("pageUrl", "");
    }

    /** A personal invitation's page: the token rides along, and the score form posts to {@code /r/{token}}. */
    SurveyModel invitation(String token, String scoreAction, String followUpAction) {
        model.put("invitation", token);
        model.put("scoreAction", scoreAction);
        model.put("followUpAction", followUpAction);
        return this;
    }

    /** embed: the embedding page's origin (already checked) and address; "" when unknown. */
    SurveyModel embedding(String parentOrigin, String pageUrl) {
        model.put("parentOrigin", parentOrigin);
        model.put("pageUrl", pageUrl);
        return this;
    }

    SurveyModel context(Channel channel, String location, String device) {
        model.put("channel", channel.name());
        model.put("location", location == null ? "" : location);
        model.put("device", device == null ? "" : device);
        return this;
    }

    SurveyModel selected(Integer score) {
        model.put("selected", score == null ? -1 : score);
        return this;
    }

    SurveyModel error(String message) {
        model.put("error", message);
        return this;
    }

    SurveyModel idempotencyKey(String key) {
        model.put("idempotencyKey", key);
        return this;
    }

    SurveyModel followUp(UUID responseId, String editToken, Category category, String text) {
        model.put("step", "followup");
        model.put("responseId", responseId.toString());
        model.put("editToken", editToken);
        model.put("category", category.key());
        model.put("followUpText", text);
        return this;
    }

    SurveyModel thanks() {
        model.put("step", "thanks");
        return this;
    }

    Map<String, Object> toMap() {
        return model;
    }
}
