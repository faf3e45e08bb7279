package org.tapscore.sdk;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps the calling thread; tests inject one that records the delays, so
 * backoffs can be checked exactly and without waiting.
 *
 * <pre>{@code
 * List<Duration> waits = new ArrayList<>();
 * TapscoreClient client = TapscoreClient.builder()
 *         .baseUrl(url).apiKey(key)
 *         .sleeper(waits::add)
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {
    /** The sleeper that blocks the calling thread with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /** Waits for {@code duration}; throws {@link InterruptedException} if the thread is interrupted meanwhile. */
    void sleep(Duration duration) throws InterruptedException;
}
