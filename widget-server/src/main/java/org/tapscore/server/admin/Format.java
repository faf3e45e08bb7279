package org.tapscore.server.admin;

import java.util.Locale;

/** Numbers as the dashboards show them. */
public final class Format {
    private Format() {
    }

    public static String oneDecimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.equals("-0.0") ? "0.0" : text;
    }

    public static String signed(double value) {
        String text = oneDecimal(value);
        return value > 0.05 ? "+" + text : text;
    }
}
