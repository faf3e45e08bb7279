package org.tapscore.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reduced fault drills against the packaged server on H2 (the full ones: {@code tapscore-bench.jar drills}):
 * 2,000 seeded hostile requests, and slow clients next to a normal one. No timing is asserted beyond "answered
 * within seconds", which a loaded 2-core machine still meets.
 */
@Timeout(120)
class ServerDrillsTest {
    private static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("tapscore-drill-test");
        server = ServerProcess.h2(dir, List.of("-Xmx256m")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void hostileRequestsGetNoServerErrorAndStoreNothing() throws Exception {
        HostileDrill.Outcome outcome = HostileDrill.run(server, 2000, 42, 8);

        assertEquals(0, outcome.serverErrors(), outcome::toString);
        assertEquals(outcome.storedBefore(), outcome.storedAfter(), outcome::toString);
        assertTrue(outcome.healthy(), outcome::toString);
    }

    @Test
    void slowClientsDoNotStarveANormalOne() throws Exception {
        SlowClientDrill.Outcome outcome = SlowClientDrill.run(server, 200, Duration.ofSeconds(6));

        assertEquals(200, outcome.opened(), outcome::toString);
        assertTrue(outcome.normalRequests() >= 5, outcome::toString);
        assertEquals(0, outcome.normalFailures(), outcome::toString);
        assertTrue(outcome.normalMaxMs() < SlowClientDrill.MAX_NORMAL_MS, outcome::toString);
        assertTrue(outcome.healthy(), outcome::toString);
    }
}
