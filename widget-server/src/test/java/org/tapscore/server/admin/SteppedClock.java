package org.tapscore.server.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it, so "today", days left and the path's value are exact. */
final class SteppedClock extends Clock {
    private final AtomicReference<Instant> now;

    SteppedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return SteppedClock.this.withZone(other);
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
