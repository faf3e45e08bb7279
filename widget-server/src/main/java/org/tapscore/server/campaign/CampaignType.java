package org.tapscore.server.campaign;

/** NPS campaigns are counted as Net Promoter Score; SCORE campaigns ask another 0–10 experience question. */
public enum CampaignType {
    NPS,
    SCORE
}
