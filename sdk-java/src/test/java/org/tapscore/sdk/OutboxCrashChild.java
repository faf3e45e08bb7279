package org.tapscore.sdk;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs in a separate JVM for {@link OutboxTest}: queues answers in an outbox and keeps delivering until the test
 * kills the process. Arguments: server URL, outbox directory, number of answers.
 */
public final class OutboxCrashChild {
    private OutboxCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        TapscoreClient client = TapscoreClient.builder().baseUrl(args[0]).apiKey("tsk_kiosk")
                .initialBackoff(Duration.ofMillis(20)).build();
        Outbox outbox = Outbox.builder(Path.of(args[1]), client)
                .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).open();
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            outbox.recordLater(RecordRequest.builder("in-store", i % 11).comment("answer " + i)
                    .channel(Channel.KIOSK).device("kiosk-1").build());
        }
        System.out.println("QUEUED");
        System.out.flush();
        outbox.awaitDelivered(Duration.ofMinutes(1));
        System.out.println("DRAINED");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
