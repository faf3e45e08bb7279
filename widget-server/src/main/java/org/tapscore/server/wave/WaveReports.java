package org.tapscore.server.wave;

import org.tapscore.server.web.ApiException;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Reading waves back: the list, one wave's figures and timeline, and whom it skipped. */
public final class WaveReports {
    private final WaveRepository waves;
    private final Clock clock;

    public WaveReports(WaveRepository waves, Clock clock) {
        this.waves = waves;
        this.clock = clock;
    }

    public List<WaveReport> list(int limit) {
        return waves.list(limit).stream().map(w -> WaveReport.of(w, waves.counts(w.id()), List.of())).toList();
    }

    public WaveReport report(String id) {
        Wave wave = wave(id);
        return WaveReport.of(wave, waves.counts(wave.id()),
                WaveTimeline.of(waves.sentAndAnswered(wave.id()), clock.instant()));
    }

    public List<Skip> skipped(String id, int limit) {
        return waves.skipped(wave(id).id(), limit);
    }

    /** The wave, or a 404 (also for ids that are not UUIDs). */
    public Wave wave(String id) {
        try {
            return waves.find(UUID.fromString(id)).orElseThrow(() -> unknown(id));
        } catch (IllegalArgumentException e) {
            throw unknown(id);
        }
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("unknown-wave", "There is no wave with the id '" + id + "'");
    }
}
