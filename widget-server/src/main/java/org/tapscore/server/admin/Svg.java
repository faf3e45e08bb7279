package org.tapscore.server.admin;

import java.util.Locale;

/**
 * A tiny SVG writer: elements with attributes and text, every value escaped, numbers written with a dot and at
 * most two decimals. Only presentation attributes are used (never {@code style}), so charts pass a strict CSP.
 *
 * <pre>{@code
 * Svg svg = Svg.root(400, 200, "Scores 0 to 10");
 * svg.rect(10, 20, 30, 40, "#0a7d5a").text(25, 15, "middle", 12, "#1d2430", "3");
 * String markup = svg.end();
 * }</pre>
 */
public final class Svg {
    private final StringBuilder out = new StringBuilder(4096);

    private Svg() {
    }

    /** An {@code <svg>} with a view box, {@code role="img"} and a title that screen readers announce. */
    public static Svg root(double width, double height, String title) {
        Svg svg = new Svg();
        svg.out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\" font-family=\"system-ui, sans-serif\"><title>").append(escape(title)).append("</title>");
        return svg;
    }

    public Svg rect(double x, double y, double width, double height, String fill) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(Math.max(0, width))).append("\" height=\"").append(num(Math.max(0, height)))
                .append("\" fill=\"").append(escape(fill)).append("\"/>");
        return this;
    }

    public Svg line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(escape(stroke))
                .append("\" stroke-width=\"").append(num(width)).append('"');
        if (dashed) {
            out.append(" stroke-dasharray=\"4 3\"");
        }
        out.append("/>");
        return this;
    }

    public Svg polyline(double[] xs, double[] ys, String stroke, double width) {
        out.append("<polyline fill=\"none\" stroke=\"").append(escape(stroke)).append("\" stroke-width=\"")
                .append(num(width)).append("\" stroke-linejoin=\"round\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        out.append("\"/>");
        return this;
    }

    public Svg circle(double cx, double cy, double r, String fill) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(r)).append("\" fill=\"").append(escape(fill)).append("\"/>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end. */
    public Svg text(double x, double y, String anchor, double size, String fill, String text) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(escape(anchor)).append("\" font-size=\"").append(num(size)).append("\" fill=\"")
                .append(escape(fill)).append("\">").append(escape(text)).append("</text>");
        return this;
    }

    public String end() {
        return out + "</svg>";
    }

    static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(ch);
            }
        }
        return escaped.toString();
    }
}
