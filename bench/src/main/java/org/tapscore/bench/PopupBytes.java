package org.tapscore.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Bytes a visitor's browser fetches: the pop-up loader {@code /widget.js}, and everything the pop-up transfers before
 * first paint (the loader, the {@code /embed} view it opens and the CSS/JS that view references), each gzipped
 * at the best level as a server or CDN would send them.
 *
 * <pre>{@code
 * PopupBytes bytes = PopupBytes.measure(server);
 * }</pre>
 */
public record PopupBytes(long widgetGzip, boolean widgetBuilt, long totalGzip, List<String> parts) {
    private static final Pattern STYLESHEET = Pattern.compile("<link\\b[^>]*\\bhref=\"([^\"]+)\"[^>]*>");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*\\bsrc=\"([^\"]+)\"");

    public static PopupBytes measure(ServerProcess server) throws IOException, InterruptedException {
        List<String> parts = new ArrayList<>();
        HttpResponse<byte[]> widget = Http.get(server.url("/widget.js"), "Accept-Encoding", "identity");
        boolean built = widget.statusCode() == 200;
        long widgetGzip = built ? gzip(widget.body()) : 0;
        long total = widgetGzip;
        parts.add(built ? "/widget.js " + widget.body().length + " B → " + widgetGzip + " B gzip"
                : "/widget.js not built yet (HTTP " + widget.statusCode() + ")");
        HttpResponse<byte[]> view = Http.get(server.url("/embed/demo?ch=POPUP"), "Accept-Encoding", "identity",
                "Accept", "text/html", "Accept-Language", "en");
        long viewGzip = gzip(view.body());
        total += viewGzip;
        parts.add("/embed/demo?ch=POPUP " + view.body().length + " B → " + viewGzip + " B gzip");
        String html = new String(view.body(), StandardCharsets.UTF_8);
        Set<String> refs = new LinkedHashSet<>();
        Matcher links = STYLESHEET.matcher(html);
        while (links.find()) {
            if (links.group(0).contains("stylesheet") || links.group(1).endsWith(".css")) {
                refs.add(links.group(1));
            }
        }
        Matcher scripts = SCRIPT.matcher(html);
        while (scripts.find()) {
            refs.add(scripts.group(1));
        }
        for (String ref : refs) {
            String path = ref.replace("&amp;", "&");
            if (path.startsWith("http")) {
                path = path.replaceFirst("^https?://[^/]+", "");
            }
            HttpResponse<byte[]> asset = Http.get(server.url(path), "Accept-Encoding", "identity");
            long g = gzip(asset.body());
            total += g;
            parts.add(path + " " + asset.body().length + " B → " + g + " B gzip (HTTP " + asset.statusCode() + ")");
        }
        return new PopupBytes(widgetGzip, built, total, parts);
    }

    static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        }
        return out.size();
    }
}
