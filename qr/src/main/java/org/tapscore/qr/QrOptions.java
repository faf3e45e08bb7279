package org.tapscore.qr;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a QR code looks: pixel size, error-correction level, colours, quiet zone and an optional centre logo.
 * Immutable; {@link Builder#build()} refuses combinations that phones cannot scan reliably.
 *
 * <pre>{@code
 * QrOptions options = QrOptions.builder()
 *         .size(600)
 *         .errorCorrection(ErrorCorrection.Q)
 *         .foreground("#0a7d5a")
 *         .background("#ffffff")
 *         .build();
 * }</pre>
 *
 * <p>Rules enforced by {@code build()}:
 * <ul>
 *   <li>the WCAG contrast ratio between foreground and background is at least {@value #MIN_CONTRAST}:1;</li>
 *   <li>the foreground is darker than the background, unless {@link Builder#allowInverted(boolean)} is set
 *       (many older scanner apps cannot read light modules on a dark background);</li>
 *   <li>the quiet zone is at least {@value #MIN_QUIET_ZONE} modules;</li>
 *   <li>with a centre logo the error correction defaults to H; L and M are refused because the logo hides
 *       modules.</li>
 * </ul>
 */
public final class QrOptions {
    /** The lowest accepted WCAG contrast ratio between foreground and background. */
    public static final double MIN_CONTRAST = 3.0;
    /** The smallest quiet zone the QR specification allows, in modules. */
    public static final int MIN_QUIET_ZONE = 4;
    /** Default image width and height in pixels. */
    public static final int DEFAULT_SIZE = 300;
    /** Largest accepted image size, to keep a single request from allocating gigabytes. */
    public static final int MAX_SIZE = 8000;

    private static final QrOptions DEFAULTS = builder().build();

    private final int size;
    private final ErrorCorrection errorCorrection;
    private final ErrorCorrection requestedErrorCorrection;
    private final int foreground;
    private final int background;
    private final int quietZone;
    private final boolean inverted;
    private final byte[] logo;

    private QrOptions(Builder b, ErrorCorrection errorCorrection) {
        this.size = b.size;
        this.errorCorrection = errorCorrection;
        this.requestedErrorCorrection = b.errorCorrection;
        this.foreground = b.foreground;
        this.background = b.background;
        this.quietZone = b.quietZone;
        this.inverted = Colors.relativeLuminance(b.foreground) > Colors.relativeLuminance(b.background);
        this.logo = b.logo;
    }

    /** Black on white, 300 px, error correction M, 4-module quiet zone. */
    public static QrOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.size = size;
        b.errorCorrection = requestedErrorCorrection;
        b.foreground = foreground;
        b.background = background;
        b.quietZone = quietZone;
        b.allowInverted = inverted;
        b.logo = logo;
        return b;
    }

    /** Width and height of raster output in pixels (SVG uses it for its {@code width}/{@code height}). */
    public int size() {
        return size;
    }

    public ErrorCorrection errorCorrection() {
        return errorCorrection;
    }

    /** Module colour as {@code 0xRRGGBB}. */
    public int foreground() {
        return foreground;
    }

    /** Background and quiet-zone colour as {@code 0xRRGGBB}. */
    public int background() {
        return background;
    }

    /** Quiet zone around the symbol, in modules. */
    public int quietZone() {
        return quietZone;
    }

    /** The centre logo (PNG or JPEG bytes), if any. */
    public Optional<byte[]> logo() {
        return logo == null ? Optional.empty() : Optional.of(logo.clone());
    }

    public boolean hasLogo() {
        return logo != null;
    }

    // The writers read the logo once per code; no need to copy it each time.
    byte[] logoBytes() {
        return logo;
    }

    @Override
    public String toString() {
        return "QrOptions[size=" + size + ", ecc=" + errorCorrection + ", fg=" + Colors.toHex(foreground)
                + ", bg=" + Colors.toHex(background) + ", quietZone=" + quietZone + ", logo=" + hasLogo() + "]";
    }

    /** Builder for {@link QrOptions}; every setter validates its own argument, {@link #build()} the combination. */
    public static final class Builder {
        private int size = DEFAULT_SIZE;
        private ErrorCorrection errorCorrection;
        private int foreground = 0x000000;
        private int background = 0xFFFFFF;
        private int quietZone = MIN_QUIET_ZONE;
        private boolean allowInverted;
        private byte[] logo;

        private Builder() {
        }

        /** Image width and height in pixels, 1 to {@value QrOptions#MAX_SIZE}. */
        public Builder size(int pixels) {
            if (pixels < 1 || pixels > MAX_SIZE) {
                throw new QrException("size must be between 1 and " + MAX_SIZE + " pixels, not " + pixels);
            }
            this.size = pixels;
            return this;
        }

        /** Error-correction level; {@code null} means the default (M, or H with a logo). */
        public Builder errorCorrection(ErrorCorrection level) {
            this.errorCorrection = level;
            return this;
        }

        public Builder foreground(int rgb) {
            this.foreground = rgb & 0xFFFFFF;
            return this;
        }

        /** Module colour as {@code #rrggbb} or {@code #rgb}. */
        public Builder foreground(String hex) {
            return foreground(Colors.parse(hex));
        }

        public Builder background(int rgb) {
            this.background = rgb & 0xFFFFFF;
            return this;
        }

        /** Background colour as {@code #rrggbb} or {@code #rgb}. */
        public Builder background(String hex) {
            return background(Colors.parse(hex));
        }

        /** Quiet zone in modules, at least {@value QrOptions#MIN_QUIET_ZONE}. */
        public Builder quietZone(int modules) {
            if (modules < MIN_QUIET_ZONE || modules > 40) {
                throw new QrException("quiet zone must be between " + MIN_QUIET_ZONE + " and 40 modules, not "
                        + modules);
            }
            this.quietZone = modules;
            return this;
        }

        /** Accept light modules on a dark background (some scanner apps cannot read them). */
        public Builder allowInverted(boolean allow) {
            this.allowInverted = allow;
            return this;
        }

        /** A PNG or JPEG drawn in the centre of the symbol; {@code null} removes it. */
        public Builder logo(byte[] pngOrJpeg) {
            if (pngOrJpeg != null && !isPng(pngOrJpeg) && !isJpeg(pngOrJpeg)) {
                throw new QrException("the logo must be a PNG or JPEG image");
            }
            this.logo = pngOrJpeg == null ? null : pngOrJpeg.clone();
            return this;
        }

        public QrOptions build() {
            double contrast = Colors.contrastRatio(foreground, background);
            if (contrast < MIN_CONTRAST) {
                throw new QrException(String.format(Locale.ROOT,
                        "foreground %s on background %s has contrast %.1f:1, too low for phone cameras: "
                                + "use at least %.0f:1 (e.g. a darker foreground)",
                        Colors.toHex(foreground), Colors.toHex(background), contrast, MIN_CONTRAST));
            }
            if (!allowInverted && Colors.relativeLuminance(foreground) > Colors.relativeLuminance(background)) {
                throw new QrException("foreground " + Colors.toHex(foreground) + " is lighter than background "
                        + Colors.toHex(background) + ": inverted codes do not scan in every app; "
                        + "swap the colours or allow inverted codes explicitly");
            }
            ErrorCorrection level = errorCorrection;
            if (level == null) {
                level = logo == null ? ErrorCorrection.M : ErrorCorrection.H;
            } else if (logo != null && level.compareTo(ErrorCorrection.Q) < 0) {
                throw new QrException("a centre logo hides modules and needs error correction Q or H, not "
                        + level);
            }
            return new QrOptions(this, level);
        }

        static boolean isPng(byte[] b) {
            return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        }

        static boolean isJpeg(byte[] b) {
            return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
        }
    }

    static String logoMimeType(byte[] logo) {
        return Builder.isPng(logo) ? "image/png" : "image/jpeg";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrOptions other && size == other.size && errorCorrection == other.errorCorrection
                && foreground == other.foreground && background == other.background
                && quietZone == other.quietZone && inverted == other.inverted && Arrays.equals(logo, other.logo);
    }

    @Override
    public int hashCode() {
        return (((size * 31 + errorCorrection.hashCode()) * 31 + foreground) * 31 + background) * 31 + quietZone
                + Arrays.hashCode(logo);
    }
}
