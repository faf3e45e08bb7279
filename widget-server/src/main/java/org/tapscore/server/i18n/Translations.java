package org.tapscore.server.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in texts, one UTF-8 properties file per language under {@code i18n/}. English is complete and
 * is the last fallback, so no key ever renders as blank.
 */
public final class Translations {
    public static final String FALLBACK = "en";
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-z]{2,3}");
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "yi", "ps", "sd", "ug");

    private final Map<String, Optional<Properties>> bundles = new ConcurrentHashMap<>();

    /** The built-in text for {@code key} in {@code language}, if that language has it. */
    public Optional<String> find(String language, String key) {
        return bundle(language).map(p -> p.getProperty(key)).filter(s -> !s.isBlank());
    }

    /** The text in {@code language}, else in English. */
    public String get(String language, String key) {
        return find(language, key).or(() -> find(FALLBACK, key))
                .orElseThrow(() -> new IllegalStateException("Missing built-in text " + key));
    }

    public boolean has(String language) {
        return bundle(language).isPresent();
    }

    public static String language(String locale) {
        int dash = locale.indexOf('-');
        return (dash < 0 ? locale : locale.substring(0, dash)).toLowerCase();
    }

    public static boolean isRightToLeft(String locale) {
        return RIGHT_TO_LEFT.contains(language(locale));
    }

    private Optional<Properties> bundle(String locale) {
        String language = language(locale);
        if (!LANGUAGE.matcher(language).matches()) {
            return Optional.empty();
        }
        return bundles.computeIfAbsent(language, Translations::load);
    }

    private static Optional<Properties> load(String language) {
        try (InputStream in = Translations.class.getResourceAsStream("/i18n/" + language + ".properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
