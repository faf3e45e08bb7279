package org.tapscore.server.web;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (client address, kiosk device): {@code burst} requests at once, refilled at
 * {@code perMinute}. Buckets that are full again are dropped, so memory stays bounded by active clients.
 */
public final class RateLimiter {
    private final double capacity;
    private final double refillPerMilli;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public RateLimiter(int perMinute, int burst, Clock clock) {
        this.capacity = burst;
        this.refillPerMilli = perMinute / 60_000.0;
        this.clock = clock;
    }

    /** Takes one token for {@code key} or throws a 429 that says when to come back. */
    public void acquire(String key) {
        long now = clock.millis();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        long waitMillis;
        synchronized (bucket) {
            bucket.refill(now, capacity, refillPerMilli);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return;
            }
            waitMillis = (long) Math.ceil((1 - bucket.tokens) / refillPerMilli);
        }
        throw ApiException.tooManyRequests(Math.max(1, (waitMillis + 999) / 1000));
    }

    private void sweep(long now) {
        if (now - lastSweep < 60_000) {
            return;
        }
        lastSweep = now;
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                bucket.refill(now, capacity, refillPerMilli);
                if (bucket.tokens >= capacity) {
                    it.remove();
                }
            }
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        void refill(long now, double capacity, double refillPerMilli) {
            tokens = Math.min(capacity, tokens + (now - updated) * refillPerMilli);
            updated = now;
        }
    }
}
