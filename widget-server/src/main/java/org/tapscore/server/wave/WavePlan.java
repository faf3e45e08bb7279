package org.tapscore.server.wave;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of planning: counts, skips by reason (the first thousand listed), send times. */
public final class WavePlan {
    private static final int LISTED_SKIPS = 1000;

    final int selected;
    int invited;
    int skipped;
    Instant firstSendAt;
    Instant lastSendAt;
    final Map<String, Integer> skipReasons = new LinkedHashMap<>();
    final List<Skip> skips = new ArrayList<>();

    WavePlan(int selected) {
        this.selected = selected;
    }

    void invite(Instant at) {
        invited++;
        firstSendAt = firstSendAt == null ? at : firstSendAt;
        lastSendAt = at;
    }

    void skip(Skip skip) {
        skipped++;
        skipReasons.merge(skip.reason(), 1, Integer::sum);
        if (skips.size() < LISTED_SKIPS) {
            skips.add(skip);
        }
    }
}
