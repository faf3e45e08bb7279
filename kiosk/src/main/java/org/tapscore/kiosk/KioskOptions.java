package org.tapscore.kiosk;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the kiosk runtime.
 *
 * <pre>java -jar tapscore-kiosk.jar --server https://tapscore.example --device tsd_… [--campaign in-store]
 *     [--port 8090] [--data ./kiosk-data] [--no-browser] [--chromium /usr/bin/chromium] [--headless]</pre>
 *
 * @param campaign   null: learned from the server (the device is registered for one campaign)
 * @param headless   runs Chromium without a screen (for machines without a display, and tests)
 */
public record KioskOptions(URI server, String device, String campaign, int port, Path data, boolean browser,
                           String chromium, boolean headless, List<String> browserArgs) {

    static final String USAGE = """
            usage: java -jar tapscore-kiosk.jar --server URL --device TOKEN [--campaign ID] [--port 8090]
                   [--data DIR] [--no-browser] [--chromium PATH] [--headless] [--browser-arg ARG]...""";

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message that says what to fix. */
    public static KioskOptions parse(String... args) {
        URI server = null;
        String device = null;
        String campaign = null;
        int port = 8090;
        Path data = Path.of("kiosk-data");
        boolean browser = true;
        String chromium = "/usr/bin/chromium";
        boolean headless = false;
        List<String> browserArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--server" -> server = URI.create(stripSlash(value(args, ++i, arg)));
                case "--device" -> device = value(args, ++i, arg);
                case "--campaign" -> campaign = value(args, ++i, arg);
                case "--port" -> port = Integer.parseInt(value(args, ++i, arg));
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--no-browser" -> browser = false;
                case "--chromium" -> chromium = value(args, ++i, arg);
                case "--headless" -> headless = true;
                case "--browser-arg" -> browserArgs.add(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (server == null || server.getScheme() == null || !server.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("--server is missing: the address of the Tapscore server, such as "
                    + "https://tapscore.example\n" + USAGE);
        }
        if (device == null || !device.matches("tsd_[A-Za-z0-9_-]{16,96}")) {
            throw new IllegalArgumentException("--device is missing or not a device token: register the kiosk with "
                    + "POST /api/v1/devices and pass the token it returns\n" + USAGE);
        }
        if (campaign != null && !campaign.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("--campaign must be a campaign id such as in-store\n" + USAGE);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0–65535\n" + USAGE);
        }
        return new KioskOptions(server, device, campaign, port, data, browser, chromium, headless,
                List.copyOf(browserArgs));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
