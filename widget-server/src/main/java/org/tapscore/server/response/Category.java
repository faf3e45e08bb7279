package org.tapscore.server.response;

import com.fasterxml.jackson.annotation.JsonValue;

/** Derived from the score, never stored: detractor 0–6, passive 7–8, promoter 9–10. */
public enum Category {
    DETRACTOR,
    PASSIVE,
    PROMOTER;

    public static Category of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("A score is 0..10, not " + score);
        }
        return score >= 9 ? PROMOTER : score >= 7 ? PASSIVE : DETRACTOR;
    }

    @JsonValue
    public String key() {
        return name().toLowerCase();
    }
}
