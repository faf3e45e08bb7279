package org.tapscore.qr.cli;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.tapscore.qr.link.ShortCode;

/**
 * Safe, unique file names for location ids: accents dropped ({@code Kafé} → {@code Kafe}), anything outside
 * {@code A-Z a-z 0-9 . _ -} replaced by {@code _}, at most 80 characters. Two ids that end up with the same name
 * (compared without case, for case-insensitive file systems) are told apart by the later one's short code.
 */
final class FileNames {
    private final Set<String> used = new HashSet<>();

    String forLocation(String campaign, String locationId, String extension) {
        String base = safe(locationId);
        String name = base;
        if (!used.add(name.toLowerCase(Locale.ROOT))) {
            name = base + "-" + ShortCode.derive(campaign, locationId);
            used.add(name.toLowerCase(Locale.ROOT));
        }
        return name + "." + extension;
    }

    static String safe(String id) {
        String plain = Normalizer.normalize(id, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String safe = plain.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+|_+$", "");
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        return safe.isEmpty() ? "location" : safe;
    }
}
