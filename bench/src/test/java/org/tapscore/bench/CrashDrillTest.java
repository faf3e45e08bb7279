package org.tapscore.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of the packaged server (H2) while retrying SDK clients record answers: every answer is
 * acknowledged and stored exactly once, under the id its client was given.
 */
class CrashDrillTest {
    @Test
    @Timeout(180)
    void killedServerLosesAndDuplicatesNothing() throws Exception {
        try (ServerProcess server = ServerProcess.h2(Files.createTempDirectory("tapscore-crash-test"),
                List.of("-Xmx256m")).start()) {
            CrashDrill.Outcome outcome = CrashDrill.run(server, "crash-test", 300, 8, CrashDrill.killServer(server), 1,
                    7, Duration.ofSeconds(150));

            assertEquals(1, outcome.faults(), outcome::toString);
            assertEquals(300, outcome.acknowledged(), outcome::toString);
            assertEquals(0, outcome.lost(), outcome::toString);
            assertEquals(0, outcome.duplicates(), outcome::toString);
            assertEquals(300, outcome.stored(), outcome::toString);
            assertTrue(outcome.passed(), outcome::toString);
        }
    }
}
