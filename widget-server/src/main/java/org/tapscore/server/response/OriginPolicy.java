package org.tapscore.server.response;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignOrigins;

import java.util.Set;

/**
 * Which web pages may send answers for a campaign. A request without an {@code Origin} header is not from a
 * browser page (SDKs, servers) and is not restricted here; our own origin is always allowed; otherwise an
 * empty {@code allowedOrigins} list means "any site", a non-empty list means "only these".
 */
public final class OriginPolicy {
    private OriginPolicy() {
    }

    public static boolean allows(Campaign campaign, String origin, Set<String> ownOrigins) {
        if (origin == null) {
            return true;
        }
        String normalized;
        try {
            normalized = CampaignOrigins.normalize(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ownOrigins.contains(normalized) || campaign.allowedOrigins().isEmpty()) {
            return true;
        }
        return campaign.allowedOrigins().stream().anyMatch(normalized::equals);
    }
}
