package org.tapscore.server.unit;

import org.junit.jupiter.api.Test;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.RateLimiter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RateLimiterTest {
    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void allowsTheBurstThenSaysWhenToComeBack() {
        RateLimiter limiter = new RateLimiter(60, 3, clock);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("10.0.0.1");
        }
        ApiException refused = assertThrows(ApiException.class, () -> limiter.acquire("10.0.0.1"));
        assertEquals(429, refused.status());
        assertEquals(1L, refused.retryAfterSeconds());
        limiter.acquire("10.0.0.2");
        now = now.plus(Duration.ofSeconds(1));
        limiter.acquire("10.0.0.1");
        assertThrows(ApiException.class, () -> limiter.acquire("10.0.0.1"));
    }
}
