package org.tapscore.server.response;

/**
 * Cleans free text before it is stored: line breaks become {@code \n} (browsers send {@code \r\n} from a
 * textarea), other control characters go, and the length is counted in code points so an emoji is one
 * character, as the person typing it sees it. Invisible characters that change how text reads are dropped.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /** The cleaned text, or null when nothing is left. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        unified.codePoints().forEach(cp -> {
            boolean control = Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t';
            boolean loneSurrogate = Character.getType(cp) == Character.SURROGATE;
            if (!control && !loneSurrogate && !isInvisibleTrick(cp)) {
                out.appendCodePoint(cp);
            }
        });
        String cleaned = out.toString().strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * Direction overrides and isolates can make a comment display as something else than what was typed
     * (and flip the text around it in a dashboard); zero-width spaces and stray byte-order marks hide words.
     * The zero-width joiner and non-joiner stay: emoji sequences and Persian script need them.
     */
    private static boolean isInvisibleTrick(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200B || cp == 0x2060
                || cp == 0xFEFF || cp == 0x200E || cp == 0x200F;
    }

    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** A short label (location, device): one line, trimmed. */
    public static String label(String text) {
        String cleaned = clean(text);
        return cleaned == null ? null : cleaned.replace('\n', ' ').replace('\t', ' ');
    }
}
