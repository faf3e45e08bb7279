package org.tapscore.qr;

import java.io.IOException;

/** Test fixtures shared across packages. */
public final class RoundTripTestSupport {
    private RoundTripTestSupport() {
    }

    /** A small PNG logo (green ellipse with a white square). */
    public static byte[] logoPng() throws IOException {
        return RoundTripTest.logoPng();
    }
}
