package org.tapscore.server.unit;

import org.junit.jupiter.api.Test;
import org.tapscore.server.i18n.LocaleNegotiation;
import org.tapscore.server.i18n.Translations;
import org.tapscore.server.response.TextNormalizer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextAndLocaleTest {
    private static final Set<String> DA_EN = new LinkedHashSet<>(List.of("da", "en"));

    @Test
    void cleaningKeepsTextAndNewlinesButDropsControlCharacters() {
        assertEquals("Great 👍 service\nSecond line ✅", TextNormalizer.clean("Great 👍 service\r\nSecond line ✅"));
        assertEquals("a\nb", TextNormalizer.clean("a\rb"));
        assertEquals("bell", TextNormalizer.clean("be\u0007ll\u0000"));
        assertEquals("tab\tkept", TextNormalizer.clean("tab\tkept"));
        assertNull(TextNormalizer.clean("  \n\t "));
        assertEquals("lone", TextNormalizer.clean("lo\uD800ne"));
        assertEquals(1, TextNormalizer.length("👍"));
        assertEquals("one line", TextNormalizer.label("one\nline"));
    }

    @Test
    void languageComesFromParameterThenBrowserThenDefault() {
        assertEquals("en", LocaleNegotiation.choose("en", "da", DA_EN, "da"));
        assertEquals("en", LocaleNegotiation.choose(null, "fr-FR,en-GB;q=0.8,da;q=0.5", DA_EN, "da"));
        assertEquals("da", LocaleNegotiation.choose("fi", "fr", DA_EN, "da"));
        assertEquals("da", LocaleNegotiation.choose(null, "not a header;;;", DA_EN, "da"));
        assertEquals("en", LocaleNegotiation.choose("EN-us", null, DA_EN, "da"));
        assertEquals("da", LocaleNegotiation.choose(null, "en;q=0, da", DA_EN, "da"));
    }

    @Test
    void builtInTextsExistForEveryKeyInEveryLanguage() {
        Translations translations = new Translations();
        for (String language : List.of("en", "da", "ar")) {
            assertTrue(translations.has(language), language);
            for (String key : List.of("question.nps", "lowLabel.nps", "highLabel.score", "followUp.detractor",
                    "followUp.passive", "followUp.promoter", "thankYou", "ui.next", "ui.send", "ui.chooseScore")) {
                assertFalse(translations.find(language, key).orElse("").isBlank(), language + " " + key);
            }
        }
        assertEquals("Thank you for your answer!", translations.get("fi", "thankYou"), "English is the last fallback");
        assertTrue(Translations.isRightToLeft("ar-EG"));
        assertFalse(Translations.isRightToLeft("da"));
    }
}
