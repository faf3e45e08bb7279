package org.tapscore.qr.poster;

import java.util.Locale;

import org.tapscore.qr.QrException;

/**
 * Paper formats for {@link PosterRenderer}.
 *
 * <ul>
 *   <li>{@link #A4} and {@link #A5}: one portrait page: brand band, question, code, scan hint, location.</li>
 *   <li>{@link #A6_TENT}: a table tent. One A5 portrait sheet (148 × 210 mm) holds two A6 landscape faces
 *       (148 × 105 mm), one above the other, with a dashed fold line between them. The upper face is rotated
 *       180°: folded along the line and stood up with the fold on top, both faces read upright, one from each
 *       side of the table. Print it on A5, or on A4 at "actual size" and trim.</li>
 * </ul>
 *
 * <pre>{@code
 * PosterFormat format = PosterFormat.parse("A6-tent"); // PosterFormat.A6_TENT
 * }</pre>
 */
public enum PosterFormat {
    A4("A4", 595.28f, 841.89f),
    A5("A5", 419.53f, 595.28f),
    A6_TENT("A6-tent", 419.53f, 595.28f);

    private final String label;
    private final float width;
    private final float height;

    PosterFormat(String label, float width, float height) {
        this.label = label;
        this.width = width;
        this.height = height;
    }

    /** The name used on the command line and in URLs: {@code A4}, {@code A5}, {@code A6-tent}. */
    public String label() {
        return label;
    }

    /** Sheet width in PDF points (1/72 inch). */
    public float width() {
        return width;
    }

    /** Sheet height in PDF points (1/72 inch). */
    public float height() {
        return height;
    }

    /** Parses {@code A4}, {@code A5} or {@code A6-tent} (case-insensitive; {@code A6_TENT} works too). */
    public static PosterFormat parse(String value) {
        if (value != null) {
            String normal = value.trim().toUpperCase(Locale.ROOT).replace('_', '-');
            for (PosterFormat format : values()) {
                if (format.label.toUpperCase(Locale.ROOT).equals(normal)) {
                    return format;
                }
            }
        }
        throw new QrException("poster format must be A4, A5 or A6-tent, not '" + value + "'");
    }
}
