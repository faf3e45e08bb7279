package org.tapscore.server.campaign;

/** Origins in the one form they are stored and compared in. */
public final class CampaignOrigins {
    private CampaignOrigins() {
    }

    /** {@code HTTPS://Shop.Example:443} → {@code https://shop.example}; throws when it is not an origin. */
    public static String normalize(String origin) {
        if (origin == null || !origin.strip().matches(Campaign.ORIGIN_PATTERN)) {
            throw new IllegalArgumentException("Not an origin: " + origin);
        }
        return CampaignNormalizer.origin(origin);
    }
}
