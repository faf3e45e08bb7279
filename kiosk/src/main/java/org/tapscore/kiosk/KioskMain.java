package org.tapscore.kiosk;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * {@code java -jar tapscore-kiosk.jar --server https://tapscore.example --device tsd_…} — see {@link KioskOptions}.
 */
public final class KioskMain {
    private static final Logger LOG = Logger.getLogger(KioskMain.class.getName());

    private KioskMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        KioskOptions options;
        try {
            options = KioskOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        KioskRuntime runtime = KioskRuntime.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "kiosk-shutdown"));
        System.out.println("Tapscore kiosk ready on http://127.0.0.1:" + runtime.port() + "/kiosk/" + runtime.campaign());
        LOG.fine("started");
        runtime.awaitStopped();
    }
}
