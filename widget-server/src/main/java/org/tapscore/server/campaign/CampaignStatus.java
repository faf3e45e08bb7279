package org.tapscore.server.campaign;

/** Only active campaigns accept answers. */
public enum CampaignStatus {
    ACTIVE,
    PAUSED,
    CLOSED
}
