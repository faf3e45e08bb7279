package org.tapscore.qr;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The decoder gate: a missing program skips a test on a laptop but fails it in CI. */
class ExternalToolsTest {
    @Test
    void missingProgramFailsUnderCiAndSkipsElsewhere() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Class<? extends Throwable> expected = ci ? AssertionFailedError.class : TestAbortedException.class;
        Throwable thrown = assertThrows(Throwable.class, () -> ExternalTools.require("tapscore-no-such-program"));
        assertTrue(expected.isInstance(thrown), thrown.getClass() + " under CI=" + ci);
        assertTrue(thrown.getMessage().contains("tapscore-no-such-program is not installed"), thrown.getMessage());
    }

    @Test
    void zbarimgIsFoundOnThePath() {
        assertTrue(ExternalTools.require("zbarimg").endsWith("/zbarimg"));
    }
}
