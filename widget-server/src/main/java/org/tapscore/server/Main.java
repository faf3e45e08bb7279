package org.tapscore.server;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

/** Starts the widget server: {@code java -jar widget-server/target/tapscore-widget-server.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Settings settings;
        TapscoreServer server;
        try {
            settings = Settings.load(Config.create(), System.getenv());
            server = TapscoreServer.start(settings);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // A setting that cannot work (a short admin password, an admin key with spaces): one line that names it.
            System.err.println("Tapscore did not start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        System.out.println("Tapscore is running at http://localhost:" + server.port()
                + " (public URL " + settings.publicUrl() + ") — try " + settings.publicUrl() + "/s/demo");
        server.generatedAdminKey().ifPresent(key -> System.out.println(
                "New admin API key (shown once, also saved in " + settings.dataDir().resolve("admin-key.txt")
                        + "): " + key));
    }
}
