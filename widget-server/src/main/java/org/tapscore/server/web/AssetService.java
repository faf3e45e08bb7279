package org.tapscore.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the views' own CSS and JavaScript from the class path ({@code web/assets/}), held in memory with an
 * ETag, so a returning browser gets a 304 and the files are read once per process.
 */
public final class AssetService implements HttpService {
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "svg", "image/svg+xml",
            "html", "text/html; charset=UTF-8");

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9-]+\\.(css|js|svg|html)");

    private final String root;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    public AssetService(String root) {
        this.root = root;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{name}", this::serve);
    }

    /** The content hash of an asset, for cache-busting URLs like {@code /assets/survey.js?v=…}. */
    public String version(String name) {
        return load(name).map(Asset::etag).orElse("0").substring(0, 12);
    }

    private void serve(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("name");
        Asset asset = load(name).orElseThrow(() -> ApiException.notFound("unknown-asset", "No such file"));
        res.header(HeaderNames.ETAG, "\"" + asset.etag() + "\"");
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
        res.header("Access-Control-Allow-Origin", "*");
        if (req.headers().first(HeaderNames.IF_NONE_MATCH).map(tag -> tag.contains(asset.etag())).orElse(false)) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, asset.contentType());
        // gzip: compressed once when loaded; the pop-up's first paint waits for these files
        res.header(HeaderNames.VARY, "Accept-Encoding");
        if (Gzip.accepted(req.headers().first(HeaderNames.ACCEPT_ENCODING).orElse(""))) {
            res.header(HeaderNames.CONTENT_ENCODING, "gzip");
            res.send(asset.gzipped());
            return;
        }
        res.send(asset.bytes());
    }

    private Optional<Asset> load(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, n -> {
            try (InputStream in = AssetService.class.getClassLoader().getResourceAsStream(root + "/" + n)) {
                if (in == null) {
                    return Optional.empty();
                }
                byte[] bytes = in.readAllBytes();
                String extension = n.substring(n.lastIndexOf('.') + 1);
                return Optional.of(new Asset(bytes, Gzip.compress(bytes), TYPES.get(extension), sha256(bytes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Asset(byte[] bytes, byte[] gzipped, String contentType, String etag) {
    }
}
