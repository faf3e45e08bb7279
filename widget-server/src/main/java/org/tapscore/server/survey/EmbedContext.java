package org.tapscore.server.survey;

import org.tapscore.server.campaign.Campaign;

import java.util.Locale;

/**
 * What the embedding page tells the survey view through its URL: the page's origin ({@code origin}, the one
 * {@code survey.js} addresses its {@code postMessage}s to) and the page's address ({@code page}, stored with the
 * answer as {@code pageUrl}). Both are untrusted: an origin counts only if the campaign allows it, and
 * anything malformed is dropped, never echoed.
 */
final class EmbedContext {
    private static final int MAX_PAGE_URL = 2000;

    private EmbedContext() {
    }

    /**
     * The origin to post to, or "" when {@code raw} is no origin or not one the campaign allows (survey.js then
     * falls back to what the browser says about the parent).
     */
    static String parentOrigin(Campaign campaign, String raw) {
        if (raw == null || !raw.matches(Campaign.ORIGIN_PATTERN)) {
            return "";
        }
        String origin = raw.toLowerCase(Locale.ROOT);
        boolean allowed = campaign.allowedOrigins().isEmpty()
                || campaign.allowedOrigins().stream().anyMatch(o -> o.equalsIgnoreCase(origin));
        return allowed ? origin : "";
    }

    /** The embedding page's address when it is a plain http(s) URL of sensible length, else "". */
    static String pageUrl(String raw) {
        if (raw == null || raw.length() > MAX_PAGE_URL || !raw.matches("https?://[^\\s\\p{Cntrl}]+")) {
            return "";
        }
        return raw;
    }
}
