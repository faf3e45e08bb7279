package org.tapscore.server.wave;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every node looks now and then for waves whose planner stopped mid-way and finishes them, so a wave
 * scheduled just before a restart still reaches everyone it selected.
 */
public final class StalledWaves implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StalledWaves.class.getName());

    private final WaveService waves;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("stalled-waves").factory());

    public StalledWaves(WaveService waves) {
        this.waves = waves;
    }

    public StalledWaves start(Duration interval) {
        executor.scheduleWithFixedDelay(this::resumeSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void resumeSafely() {
        try {
            int resumed = waves.resumeStalled();
            if (resumed > 0) {
                LOG.info(() -> "Finished planning " + resumed + " wave(s) left half planned");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Finishing half-planned waves failed; trying again later", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
