package org.tapscore.qr;

import java.util.Locale;

/**
 * Colours as {@code 0xRRGGBB} integers: parsing {@code #hex} strings and the WCAG 2 contrast ratio that decides
 * whether a foreground/background pair is readable by a phone camera.
 *
 * <pre>{@code
 * int brand = Colors.parse("#0a7d5a");
 * double ratio = Colors.contrastRatio(brand, 0xFFFFFF); // ≈ 5.3
 * }</pre>
 */
public final class Colors {
    private Colors() {
    }

    /** Parses {@code #rrggbb} or {@code #rgb} (the {@code #} is optional). */
    public static int parse(String hex) {
        if (hex == null) {
            throw new QrException("colour is missing: use #rrggbb, e.g. #000000");
        }
        String digits = hex.trim();
        if (digits.startsWith("#")) {
            digits = digits.substring(1);
        }
        if (digits.length() == 3) {
            digits = new String(new char[] {
                    digits.charAt(0), digits.charAt(0), digits.charAt(1), digits.charAt(1),
                    digits.charAt(2), digits.charAt(2)});
        }
        if (digits.length() != 6 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new QrException("'" + hex + "' is not a colour: use #rrggbb, e.g. #0a7d5a");
        }
        return Integer.parseInt(digits, 16);
    }

    /** Formats as lower-case {@code #rrggbb}. */
    public static String toHex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    /** WCAG 2 relative luminance, 0 (black) to 1 (white). */
    public static double relativeLuminance(int rgb) {
        return 0.2126 * linear((rgb >> 16) & 0xFF) + 0.7152 * linear((rgb >> 8) & 0xFF) + 0.0722 * linear(rgb & 0xFF);
    }

    /** WCAG 2 contrast ratio between two colours, 1 (same) to 21 (black on white). */
    public static double contrastRatio(int a, int b) {
        double la = relativeLuminance(a);
        double lb = relativeLuminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
