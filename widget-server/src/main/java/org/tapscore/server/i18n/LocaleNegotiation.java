package org.tapscore.server.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the language of a survey: the {@code lang} parameter, then the browser's {@code Accept-Language},
 * then the campaign's default. Only languages the campaign has texts for are chosen, so the question is
 * never shown in one language and the scale in another.
 */
public final class LocaleNegotiation {
    private LocaleNegotiation() {
    }

    public static String choose(String langParam, String acceptLanguage, Set<String> available,
                                String defaultLocale) {
        List<String> wanted = new ArrayList<>();
        if (langParam != null && !langParam.isBlank()) {
            wanted.add(langParam.strip());
        }
        wanted.addAll(acceptLanguages(acceptLanguage));
        for (String tag : wanted) {
            String match = match(tag, available);
            if (match != null) {
                return match;
            }
        }
        return defaultLocale;
    }

    private static String match(String tag, Set<String> available) {
        for (String locale : available) {
            if (locale.equalsIgnoreCase(tag)) {
                return locale;
            }
        }
        String language = Translations.language(tag);
        for (String locale : available) {
            if (Translations.language(locale).equals(language)) {
                return locale;
            }
        }
        return null;
    }

    private static List<String> acceptLanguages(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return List.of();
        }
        // Entry by entry: one malformed entry must not throw away the languages around it.
        List<Locale.LanguageRange> ranges = new ArrayList<>();
        for (String entry : header.split(",")) {
            try {
                ranges.addAll(Locale.LanguageRange.parse(entry.strip()));
            } catch (IllegalArgumentException e) {
                // skipped
            }
        }
        return ranges.stream()
                .filter(range -> range.getWeight() > 0)
                .sorted(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed())
                .map(Locale.LanguageRange::getRange)
                .filter(range -> !range.equals("*"))
                .toList();
    }
}
