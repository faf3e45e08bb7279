package org.tapscore.qr;

/**
 * An encoded QR symbol: the square grid of dark and light modules (without quiet zone) together with the text it
 * holds and the {@link QrOptions} it should be drawn with. Immutable; made by {@link QrEncoder}.
 *
 * <pre>{@code
 * QrCode code = new QrEncoder().encode("https://example.com/s/after-order?ch=qr", QrOptions.defaults());
 * int modules = code.size();          // e.g. 33 for version 4
 * boolean dark = code.isDark(0, 0);   // true: top-left finder pattern
 * }</pre>
 */
public final class QrCode {
    /** Share of the symbol width a centre logo covers; H recovers 30 % of codewords, this hides about 5 %. */
    static final double LOGO_SHARE = 0.22;

    private final String text;
    private final int version;
    private final QrOptions options;
    private final int size;
    private final boolean[] dark;
    private final int logoStart;
    private final int logoEnd;

    QrCode(String text, int version, QrOptions options, int size, boolean[] dark) {
        this.text = text;
        this.version = version;
        this.options = options;
        this.size = size;
        this.dark = dark;
        if (options.hasLogo()) {
            // Keep the hidden square centred: same parity as the symbol size.
            int side = (int) Math.round(size * LOGO_SHARE);
            if ((side & 1) != (size & 1)) {
                side++;
            }
            this.logoStart = (size - side) / 2;
            this.logoEnd = logoStart + side;
        } else {
            this.logoStart = 0;
            this.logoEnd = 0;
        }
    }

    /** The encoded text, exactly as given. */
    public String text() {
        return text;
    }

    /** QR version, 1 (21 × 21 modules) to 40 (177 × 177). */
    public int version() {
        return version;
    }

    public QrOptions options() {
        return options;
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return size;
    }

    /** Modules per side including the quiet zone on both sides. */
    public int sizeWithQuietZone() {
        return size + 2 * options.quietZone();
    }

    /** Whether the module at column {@code x}, row {@code y} (0-based, quiet zone excluded) is dark. */
    public boolean isDark(int x, int y) {
        return dark[y * size + x];
    }

    /**
     * Whether a writer should paint this module: dark and not under the centre logo. Modules under the logo are
     * left light so the logo sits on a clean background; error correction restores them when scanning.
     */
    public boolean isPainted(int x, int y) {
        return dark[y * size + x] && !inLogoArea(x, y);
    }

    /** First module (row and column) of the square kept free for the logo; only meaningful with a logo. */
    public int logoStart() {
        return logoStart;
    }

    /** Modules per side of the square kept free for the logo; 0 without a logo. */
    public int logoSide() {
        return logoEnd - logoStart;
    }

    private boolean inLogoArea(int x, int y) {
        return x >= logoStart && x < logoEnd && y >= logoStart && y < logoEnd;
    }
}
