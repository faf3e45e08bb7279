package org.tapscore.kiosk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kiosk view kept on disk: the page of {@code /kiosk/{campaign}} and every asset it names, fetched from the
 * server whenever it answers and served from disk always, so the stand keeps working for days without it.
 * The stored page is switched to {@code data-mode="runtime"}: it then hands finished answers to this runtime's
 * journal instead of posting them to the server itself.
 */
final class ViewCache {
    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/assets/[a-z0-9-]+\\.(?:css|js|svg))\"");
    static final String SERVICE_WORKER = "/kiosk-sw.js";

    private final Path dir;
    private final URI server;
    private final String device;
    private final HttpClient http;

    ViewCache(Path dir, URI server, String device, HttpClient http) {
        this.dir = dir;
        this.server = server;
        this.device = device;
        this.http = http;
    }

    /** Fetches the view of {@code campaign} and its assets; false (and the old copy kept) when that fails. */
    boolean refresh(String campaign) {
        try {
            HttpResponse<byte[]> page = get("/kiosk/" + campaign + "?device=" + device);
            if (page.statusCode() != 200) {
                return false;
            }
            String html = new String(page.body(), StandardCharsets.UTF_8)
                    .replace("data-mode=\"direct\"", "data-mode=\"runtime\"");
            Map<String, byte[]> assets = new LinkedHashMap<>();
            Matcher m = ASSET.matcher(html);
            while (m.find()) {
                assets.put(m.group(1), null);
            }
            assets.put(SERVICE_WORKER, null);
            for (String path : assets.keySet()) {
                HttpResponse<byte[]> asset = get(path);
                if (asset.statusCode() != 200) {
                    return false;
                }
                assets.put(path, asset.body());
            }
            // Assets first, the page last: a stored page never names an asset that is not on disk.
            for (Map.Entry<String, byte[]> asset : assets.entrySet()) {
                Files2.writeAtomically(assetFile(asset.getKey()), asset.getValue());
            }
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            Files2.writeAtomically(dir.resolve(campaign + ".csp"), csp.getBytes(StandardCharsets.UTF_8));
            Files2.writeAtomically(dir.resolve(campaign + ".html"), html.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Optional<Page> page(String campaign) {
        try {
            Path html = dir.resolve(campaign + ".html");
            if (!Files.exists(html)) {
                return Optional.empty();
            }
            Path csp = dir.resolve(campaign + ".csp");
            return Optional.of(new Page(Files.readAllBytes(html),
                    Files.exists(csp) ? Files.readString(csp) : ""));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** An asset by its URL path ({@code /assets/kiosk.js}, {@code /kiosk-sw.js}). */
    Optional<byte[]> asset(String path) {
        if (!path.matches("/assets/[a-z0-9-]+\\.(css|js|svg)") && !path.equals(SERVICE_WORKER)) {
            return Optional.empty();
        }
        try {
            Path file = assetFile(path);
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Path assetFile(String path) {
        return dir.resolve("files").resolve(path.substring(1).replace('/', '_'));
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    record Page(byte[] html, String contentSecurityPolicy) {
    }
}
