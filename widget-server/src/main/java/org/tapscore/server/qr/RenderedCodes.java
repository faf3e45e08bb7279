package org.tapscore.server.qr;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recently rendered codes and posters, kept in memory: a printed campaign's code is asked for again and again
 * (previews, reprints), and the same inputs always give the same bytes. Least recently used entries go first.
 */
final class RenderedCodes {
    private final int capacity;
    private final Map<String, Rendered> entries;

    RenderedCodes(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true);
    }

    Rendered get(String key, Supplier<byte[]> render) {
        synchronized (entries) {
            Rendered hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        byte[] bytes = render.get();
        Rendered rendered = new Rendered(bytes, etag(bytes));
        synchronized (entries) {
            entries.put(key, rendered);
            if (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
        return rendered;
    }

    private static String etag(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Rendered(byte[] bytes, String etag) {
    }
}
