package org.tapscore.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Net Promoter category a score falls into: detractor 0–6, passive 7–8, promoter 9–10. */
public enum Category {
    @JsonProperty("detractor") DETRACTOR,
    @JsonProperty("passive") PASSIVE,
    @JsonProperty("promoter") PROMOTER;

    /** The category of a 0–10 score, for example {@code Category.of(8) == PASSIVE}. */
    public static Category of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("score must be between 0 and 10, was " + score);
        }
        return score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
    }
}
