package org.tapscore.server.contact;

import org.tapscore.server.response.TextNormalizer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name a client gives in {@code Content-Disposition: attachment; filename="…"} (RFC 6266), for the import
 * history. {@code filename*=UTF-8''…} wins where both are given; a quoted name may escape quotes with a backslash.
 * Header values reach the server as ASCII: letters beyond it in a plain {@code filename} (curl sends them as raw
 * UTF-8 bytes) arrive as replacement characters and are shown as {@code ?}; {@code filename*} carries them intact.
 */
final class UploadFileName {
    private static final Pattern EXTENDED = Pattern.compile("(?i)filename\\*\\s*=\\s*UTF-8'[^']*'([^;\\s]+)");
    private static final Pattern QUOTED = Pattern.compile("(?i)filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TOKEN = Pattern.compile("(?i)filename\\s*=\\s*([^\";\\s]+)");
    private static final int MAX = 200;

    private UploadFileName() {
    }

    static Optional<String> of(String contentDisposition) {
        if (contentDisposition == null) {
            return Optional.empty();
        }
        String name = null;
        Matcher m = EXTENDED.matcher(contentDisposition);
        if (m.find()) {
            try {
                name = URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                name = null; // a malformed escape: fall back to the plain name
            }
        }
        if (name == null && (m = QUOTED.matcher(contentDisposition)).find()) {
            name = m.group(1).replaceAll("\\\\(.)", "$1");
        }
        if (name == null && (m = TOKEN.matcher(contentDisposition)).find()) {
            name = m.group(1);
        }
        String cleaned = TextNormalizer.label(name == null ? null : name.replace('\uFFFD', '?'));
        if (cleaned == null || cleaned.isBlank()) {
            return Optional.empty();
        }
        cleaned = cleaned.strip();
        return Optional.of(cleaned.codePointCount(0, cleaned.length()) <= MAX ? cleaned
                : cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX)));
    }
}
