package org.tapscore.sdk;

/** {@link #NPS}: the "would you recommend us" question; {@link #SCORE}: any other 0–10 question, never an NPS. */
public enum CampaignType {
    NPS, SCORE
}
