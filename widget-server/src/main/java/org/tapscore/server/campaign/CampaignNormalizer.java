package org.tapscore.server.campaign;

import org.tapscore.server.response.TextNormalizer;
import org.tapscore.server.web.ApiException;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts a valid campaign into one canonical form before it is stored: texts cleaned like answers are, language
 * tags in their standard case ({@code EN-gb} → {@code en-GB}), colours as {@code #rrggbb}, origins without
 * default ports. Two spellings of the same thing must compare equal later (an origin check, a locale match).
 */
final class CampaignNormalizer {
    private CampaignNormalizer() {
    }

    static Campaign normalize(Campaign c) {
        Map<String, CampaignTexts> texts = new LinkedHashMap<>();
        c.texts().forEach((locale, t) -> {
            if (texts.put(locale(locale), texts(t)) != null) {
                throw field("texts", "has the language " + locale(locale) + " twice");
            }
        });
        Theme theme = c.theme() == null ? null : new Theme(colour(c.theme().primaryColor()), c.theme().logoUrl());
        return new Campaign(c.id(), oneLine(c.name()), c.type(), c.journey(), c.status(),
                c.defaultLocale() == null ? null : locale(c.defaultLocale()),
                c.allowedOrigins() == null ? null : origins(c.allowedOrigins()),
                c.recontactDays(), c.samplePercent(), texts, theme);
    }

    static String origin(String origin) {
        URI uri = URI.create(origin.strip().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(uri.getScheme()) && port == 443)
                || ("http".equals(uri.getScheme()) && port == 80);
        return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }

    private static List<String> origins(List<String> origins) {
        Set<String> unique = new LinkedHashSet<>();
        for (String origin : origins) {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null || uri.getPort() > 65535) {
                throw field("allowedOrigins", "'" + origin + "' is not an origin such as https://shop.example");
            }
            unique.add(origin(origin));
        }
        return new ArrayList<>(unique);
    }

    private static String locale(String tag) {
        return Locale.forLanguageTag(tag).toLanguageTag();
    }

    private static String colour(String colour) {
        if (colour == null) {
            return null;
        }
        String hex = colour.toLowerCase(Locale.ROOT);
        if (hex.length() == 4) {
            hex = "#" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3) + hex.charAt(3);
        }
        return hex;
    }

    private static CampaignTexts texts(CampaignTexts t) {
        CampaignTexts.FollowUpTexts f = t.followUp();
        return new CampaignTexts(TextNormalizer.clean(t.question()), oneLine(t.lowLabel()), oneLine(t.highLabel()),
                f == null ? null : new CampaignTexts.FollowUpTexts(TextNormalizer.clean(f.detractor()),
                        TextNormalizer.clean(f.passive()), TextNormalizer.clean(f.promoter())),
                TextNormalizer.clean(t.thankYou()));
    }

    private static String oneLine(String text) {
        return TextNormalizer.label(text);
    }

    private static ApiException field(String field, String message) {
        return ApiException.invalidFields(List.of(new ApiException.FieldError(field, message)));
    }
}
