package org.tapscore.server.invitation;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.i18n.LocaleNegotiation;
import org.tapscore.server.i18n.SurveyTexts;
import org.tapscore.server.i18n.Translations;
import org.tapscore.server.survey.ViewRenderer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What an invitation says: the email (HTML and text parts, the question with a row of 0–10 links), the SMS
 * text, in the campaign's language. The HTML comes from the Pebble templates {@code invitation-email} and
 * {@code email-scale} with autoescaping, like every other page.
 *
 * <pre>Email mail = content.email(campaign, "da", "https://nps.example/r/abc…");</pre>
 */
public final class InvitationContent {
    private final ViewRenderer renderer;
    private final Translations translations;
    private final String publicUrl;

    public InvitationContent(ViewRenderer renderer, Translations translations, String publicUrl) {
        this.renderer = renderer;
        this.translations = translations;
        this.publicUrl = publicUrl;
    }

    public String invitationUrl(String token) {
        return publicUrl + "/r/" + token;
    }

    /** The language to ask in: the respondent's {@code locale} attribute when the campaign has it, else its default. */
    public static String locale(Campaign campaign, String preferred) {
        return LocaleNegotiation.choose(preferred, null, campaign.texts().keySet(), campaign.defaultLocale());
    }

    /** The personal email: every score links to {@code /r/{token}?score=N}, which only shows the survey. */
    public Email email(Campaign campaign, String locale, String token) {
        String url = invitationUrl(token);
        SurveyTexts texts = new SurveyTexts(campaign, locale, translations);
        Map<String, Object> model = model(campaign, texts, false, score -> url + "?score=" + score, url);
        String html = renderer.render("invitation-email", model);
        return new Email(texts.question(), html, text(texts, score -> url + "?score=" + score, url));
    }

    /**
     * The scale without a personal token, for newsletters and e-mail signatures: links go to
     * {@code /s/{campaign}?score=N&ch=email}. {@code compact} is the smaller signature variant.
     */
    public String campaignScale(Campaign campaign, String locale, boolean compact) {
        String base = publicUrl + "/s/" + campaign.id();
        SurveyTexts texts = new SurveyTexts(campaign, locale, translations);
        return renderer.render("email-scale", model(campaign, texts, compact,
                score -> base + "?score=" + score + "&ch=email&lang=" + encode(texts.locale()), base + "?ch=email"));
    }

    public String sms(Campaign campaign, String locale, String token) {
        SurveyTexts texts = new SurveyTexts(campaign, locale, translations);
        return texts.question() + " (0–10) " + invitationUrl(token);
    }

    private Map<String, Object> model(Campaign campaign, SurveyTexts texts, boolean compact,
                                      IntFunction<String> scoreLink, String open) {
        List<Map<String, Object>> links = new ArrayList<>(11);
        for (int score = 0; score <= 10; score++) {
            links.add(Map.of("score", score, "href", scoreLink.apply(score)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("lang", texts.locale());
        model.put("dir", texts.direction());
        model.put("question", texts.question());
        model.put("lowLabel", texts.lowLabel());
        model.put("highLabel", texts.highLabel());
        model.put("hint", translations.get(texts.locale(), "email.hint"));
        model.put("linkHint", translations.get(texts.locale(), "email.linkHint"));
        model.put("openLabel", translations.get(texts.locale(), "email.open"));
        model.put("openHref", open);
        model.put("primaryColor", campaign.theme().primaryColor());
        model.put("compact", compact);
        model.put("links", links);
        return model;
    }

    private String text(SurveyTexts texts, IntFunction<String> scoreLink, String open) {
        StringBuilder out = new StringBuilder();
        out.append(texts.question()).append("\n\n");
        out.append("0 = ").append(texts.lowLabel()).append(", 10 = ").append(texts.highLabel()).append("\n\n");
        for (int score = 0; score <= 10; score++) {
            out.append(score).append(": ").append(scoreLink.apply(score)).append('\n');
        }
        out.append('\n').append(translations.get(texts.locale(), "email.hint")).append('\n');
        out.append(translations.get(texts.locale(), "email.linkHint")).append(' ').append(open).append('\n');
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A rendered email: subject, HTML part and plain-text part. */
    public record Email(String subject, String html, String text) {
    }
}
