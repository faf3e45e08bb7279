package org.tapscore.server.response;

/**
 * Cleans free text before it is stored: line breaks become {@code \n} (browsers send {@code \r\n} from a
 * textarea), other control characters go, and the length is counted in code points so an emoji is one
 * character, as the person typing it sees it.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /** The cleaned text, or null when nothing is left. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String unified = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unified.length());
        unified.codePoints().forEach(cp -> {
            boolean control = Character.getType(cp) == Character.CONTROL && cp != '\n' && cp != '\t';
            boolean loneSurrogate = Character.getType(cp) == Character.SURROGATE;
            if (!control && !loneSurrogate) {
                out.appendCodePoint(cp);
            }
        });
        String cleaned = out.toString().strip();
        return cleaned.isEmpty() ? null : cleaned;
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
