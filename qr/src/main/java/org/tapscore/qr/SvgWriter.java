package org.tapscore.qr;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes a {@link QrCode} as a compact SVG document: one background rectangle and one {@code <path>} for all dark
 * modules (each horizontal run of modules is one sub-path), in module units through the {@code viewBox}, so the
 * image scales to any size without blur. The {@code width}/{@code height} attributes carry the options' pixel
 * size. A centre logo is embedded as a data URI. Thread-safe and stateless.
 *
 * <pre>{@code
 * QrCode code = new QrEncoder().encode("https://example.com/s/after-order?ch=qr", QrOptions.defaults());
 * byte[] svg = new SvgWriter().toBytes(code);   // image/svg+xml; charset=UTF-8
 * }</pre>
 */
public final class SvgWriter {
    /** Content type of {@link #toBytes(QrCode)}. */
    public static final String CONTENT_TYPE = "image/svg+xml; charset=UTF-8";

    /** The SVG document as a string. */
    public String write(QrCode code) {
        QrOptions options = code.options();
        int quiet = options.quietZone();
        int total = code.sizeWithQuietZone();
        int size = code.size();
        StringBuilder svg = new StringBuilder(128 + size * size);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        if (options.hasLogo()) {
            svg.append(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
        }
        svg.append(" width=\"").append(options.size()).append("\" height=\"").append(options.size())
                .append("\" viewBox=\"0 0 ").append(total).append(' ').append(total)
                .append("\" shape-rendering=\"crispEdges\">");
        svg.append("<rect width=\"").append(total).append("\" height=\"").append(total)
                .append("\" fill=\"").append(Colors.toHex(options.background())).append("\"/>");
        svg.append("<path fill=\"").append(Colors.toHex(options.foreground())).append("\" d=\"");
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!code.isPainted(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && code.isPainted(x, y)) {
                    x++;
                }
                int run = x - start;
                svg.append('M').append(start + quiet).append(' ').append(y + quiet)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        svg.append("\"/>");
        if (options.hasLogo()) {
            appendLogo(svg, code);
        }
        return svg.append("</svg>").toString();
    }

    /** The SVG document as UTF-8 bytes, ready for an HTTP response or a file. */
    public byte[] toBytes(QrCode code) {
        return write(code).getBytes(StandardCharsets.UTF_8);
    }

    private static void appendLogo(StringBuilder svg, QrCode code) {
        byte[] logo = code.options().logoBytes();
        // Half a module of margin keeps the logo off the modules around its square.
        double x = code.options().quietZone() + code.logoStart() + 0.5;
        double side = code.logoSide() - 1.0;
        String href = "data:" + QrOptions.logoMimeType(logo) + ";base64," + Base64.getEncoder().encodeToString(logo);
        svg.append("<image x=\"").append(x).append("\" y=\"").append(x).append("\" width=\"").append(side)
                .append("\" height=\"").append(side).append("\" preserveAspectRatio=\"xMidYMid meet\" href=\"")
                .append(href).append("\" xlink:href=\"").append(href).append("\"/>");
    }
}
