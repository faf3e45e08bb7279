package org.tapscore.qr.cli;

import java.util.Locale;

/** File formats the command writes. */
enum OutputFormat {
    SVG("svg"),
    PNG("png"),
    PDF("pdf");

    final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    static OutputFormat parse(String value) {
        for (OutputFormat format : values()) {
            if (format.extension.equalsIgnoreCase(value.trim())) {
                return format;
            }
        }
        throw new Arguments.UsageException("--format must be svg, png or pdf, not '" + value + "'");
    }

    /** The format a file name's extension suggests, or {@code null}. */
    static OutputFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (OutputFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return format;
            }
        }
        return null;
    }
}
