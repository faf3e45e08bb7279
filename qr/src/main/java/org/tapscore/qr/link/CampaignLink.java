package org.tapscore.qr.link;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import org.tapscore.qr.QrException;

/**
 * The link a printed QR code opens for a campaign at a location, and the decision whether to print it as is or as
 * a short redirect.
 *
 * <ul>
 *   <li>{@link #surveyUrl()}: {@code {baseUrl}/s/{campaign}?ch=qr&loc={location}}, the location percent-encoded
 *       as UTF-8 (RFC 3986: everything except {@code A-Z a-z 0-9 - . _ ~}; a space is {@code %20}). Without a
 *       location the {@code loc} parameter is left out.</li>
 *   <li>{@link #shortUrl()}: {@code {baseUrl}/q/{code}} with the {@link ShortCode} of campaign and location;
 *       the server answers it with a redirect to the survey URL.</li>
 *   <li>{@link #qrUrl()}: what to encode. A survey URL longer than {@value #MAX_DIRECT_BYTES} UTF-8 bytes makes a
 *       dense symbol that small prints and older phones read badly: then the short URL is used. Up to that length
 *       a URL always fits QR version {@value #MAX_DIRECT_VERSION} or lower at error correction M (version 5-M
 *       holds 84 bytes; the UTF-8 ECI header takes 1.5 of them), so the byte count alone decides and no trial
 *       encoding is needed.</li>
 * </ul>
 *
 * <pre>{@code
 * CampaignLink link = CampaignLink.of("https://nps.example.com", "after-order", "Kafé Ærø #2");
 * link.surveyUrl(); // https://nps.example.com/s/after-order?ch=qr&loc=Kaf%C3%A9%20%C3%86r%C3%B8%20%232
 * link.qrUrl();     // the survey URL when it is short enough, else https://nps.example.com/q/O2TNDT0u
 * }</pre>
 */
public final class CampaignLink {
    /** Longest survey URL, in UTF-8 bytes, that is encoded directly. */
    public static final int MAX_DIRECT_BYTES = 80;
    /** Highest QR version (at error correction M) a directly encoded survey URL can need. */
    public static final int MAX_DIRECT_VERSION = 6;

    private static final Pattern CAMPAIGN_ID = Pattern.compile("[a-z0-9-]{1,64}");

    private final String baseUrl;
    private final String campaign;
    private final String location;
    private final String surveyUrl;
    private final String shortCode;
    private final boolean dense;

    private CampaignLink(String baseUrl, String campaign, String location) {
        this.baseUrl = baseUrl;
        this.campaign = campaign;
        this.location = location;
        this.surveyUrl = baseUrl + "/s/" + campaign + "?ch=qr"
                + (location == null ? "" : "&loc=" + percentEncode(location));
        this.shortCode = ShortCode.derive(campaign, location);
        this.dense = isDense(surveyUrl);
    }

    /**
     * The link for {@code campaign} at {@code location}.
     *
     * @param baseUrl  the server's public address, e.g. {@code https://nps.example.com} (a trailing slash is
     *                 dropped)
     * @param campaign the campaign id, {@code [a-z0-9-]{1,64}}
     * @param location a free label such as a store id; {@code null} or blank for none
     * @throws QrException if the base URL or the campaign id is malformed
     */
    public static CampaignLink of(String baseUrl, String campaign, String location) {
        if (baseUrl == null || !(baseUrl.startsWith("https://") || baseUrl.startsWith("http://"))
                || baseUrl.chars().anyMatch(c -> c <= ' ' || c == '?' || c == '#')) {
            throw new QrException("base URL must be an absolute http(s) address without query, e.g. "
                    + "https://nps.example.com, not '" + baseUrl + "'");
        }
        String base = baseUrl;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (campaign == null || !CAMPAIGN_ID.matcher(campaign).matches()) {
            throw new QrException("campaign id must be 1-64 characters of a-z, 0-9 and '-', not '" + campaign + "'");
        }
        String loc = location == null || location.isBlank() ? null : location;
        return new CampaignLink(base, campaign, loc);
    }

    /** Whether encoding {@code url} directly would make a dense symbol (see the class description). */
    public static boolean isDense(String url) {
        return url.getBytes(StandardCharsets.UTF_8).length > MAX_DIRECT_BYTES;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String campaign() {
        return campaign;
    }

    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    /** The full survey address with {@code ch=qr} and the location. */
    public String surveyUrl() {
        return surveyUrl;
    }

    /** The {@link ShortCode} of this campaign and location. */
    public String shortCode() {
        return shortCode;
    }

    /** {@code {baseUrl}/q/{shortCode}}. */
    public String shortUrl() {
        return baseUrl + "/q/" + shortCode;
    }

    /** Whether the survey URL is too dense to print, so that {@link #qrUrl()} is the short URL. */
    public boolean isShortened() {
        return dense;
    }

    /** The address to put into the QR code: the survey URL, or the short URL when the survey URL is dense. */
    public String qrUrl() {
        return dense ? shortUrl() : surveyUrl;
    }

    @Override
    public String toString() {
        return qrUrl();
    }

    /** RFC 3986 percent-encoding of UTF-8 bytes; only unreserved characters stay as they are. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
