package org.tapscore.qr.poster;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.tapscore.qr.QrCode;
import org.tapscore.qr.QrEncoder;
import org.tapscore.qr.QrException;
import org.tapscore.qr.QrOptions;

/**
 * Renders a printable PDF poster: a brand colour band with the optional logo, the question, the QR code drawn as
 * vector rectangles (sharp at any print size), the scan hint and the optional location label, in the
 * {@link PosterFormat} asked for. Texts are set in the bundled DejaVu Sans (embedded subset), so Danish,
 * Cyrillic, Greek and € print as given. Thread-safe and stateless.
 *
 * <pre>{@code
 * byte[] pdf = new PosterRenderer().render(poster, PosterFormat.A4);   // application/pdf
 * }</pre>
 */
public final class PosterRenderer {
    /** Content type of the rendered poster. */
    public static final String CONTENT_TYPE = "application/pdf";

    private static final Color TEXT = new Color(0x1f2933);
    private static final Color MUTED = new Color(0x52606d);
    private static final Color FOLD = new Color(0xb0b7bf);

    private final QrEncoder encoder = new QrEncoder();

    /** The poster as PDF bytes. */
    public byte[] render(Poster poster, PosterFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(poster, format, out);
        return out.toByteArray();
    }

    /** Writes the poster as PDF to {@code out} (not closed). */
    public void render(Poster poster, PosterFormat format, OutputStream out) {
        QrCode code = encoder.encode(poster.url(), poster.qrOptions());
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(format.width(), format.height()));
            document.addPage(page);
            describe(document, poster);
            Page canvas = new Page(document, poster, code);
            try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                canvas.cs = cs;
                if (format == PosterFormat.A6_TENT) {
                    float half = format.height() / 2;
                    canvas.landscapeFace(0, 0, format.width(), half);
                    cs.saveGraphicsState();
                    // Upper face upside down: after folding, both faces stand upright.
                    cs.transform(new Matrix(-1, 0, 0, -1, format.width(), format.height()));
                    canvas.landscapeFace(0, 0, format.width(), half);
                    cs.restoreGraphicsState();
                    canvas.foldLine(half, format.width());
                } else {
                    canvas.portrait(format.width(), format.height());
                }
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the poster PDF", e);
        }
    }

    private static void describe(PDDocument document, Poster poster) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(poster.question());
        info.setCreator("Tapscore");
        poster.language().ifPresent(document.getDocumentCatalog()::setLanguage);
    }

    /** Drawing state for one page. */
    private static final class Page {
        private final PDDocument document;
        private final Poster poster;
        private final QrCode code;
        private final PosterFonts fonts;
        private final PDImageXObject brandLogo;
        private final PDImageXObject codeLogo;
        PDPageContentStream cs;

        Page(PDDocument document, Poster poster, QrCode code) throws IOException {
            this.document = document;
            this.poster = poster;
            this.code = code;
            this.fonts = PosterFonts.load(document);
            this.brandLogo = image(poster.logoBytes(), "logo");
            this.codeLogo = image(code.options().logo().orElse(null), "code-logo");
        }

        private PDImageXObject image(byte[] bytes, String name) {
            if (bytes == null) {
                return null;
            }
            try {
                return PDImageXObject.createFromByteArray(document, bytes, name);
            } catch (IOException | IllegalArgumentException e) {
                throw new QrException("the logo image cannot be read: " + e.getMessage(), e);
            }
        }

        void portrait(float w, float h) throws IOException {
            float margin = w * 0.08f;
            float band = h * 0.11f;
            band(0, h - band, w, band);
            fill(new Color(poster.brandColor()), 0, 0, w, h * 0.015f);

            float y = h - band - margin * 0.9f;
            Text question = fit(fonts.bold, poster.question(), w * 0.052f, w - 2 * margin, 4);
            y = question.drawCentred(w / 2, y, TEXT);

            Text hint = fit(fonts.regular, poster.scanHint(), w * 0.034f, w - 2 * margin, 2);
            Text location = poster.locationLabel()
                    .map(label -> fit(fonts.regular, label, w * 0.028f, w - 2 * margin, 2)).orElse(null);
            float bottom = h * 0.015f + margin * 0.7f + (location == null ? 0 : location.height() + margin * 0.3f);
            float space = y - margin * 0.5f - bottom - hint.height() - margin * 0.5f;
            float side = Math.min(w * 0.62f, space);
            drawCode((w - side) / 2, y - margin * 0.5f, side);
            hint.drawCentred(w / 2, y - margin * 0.5f - side - margin * 0.3f, TEXT);
            if (location != null) {
                location.drawCentred(w / 2, h * 0.015f + margin * 0.7f + location.height(), MUTED);
            }
        }

        void landscapeFace(float x, float y, float w, float h) throws IOException {
            float margin = w * 0.05f;
            float band = h * 0.14f;
            band(x, y + h - band, w, band);
            float side = Math.min(h - band - 2 * margin, w * 0.46f);
            float codeTop = y + h - band - margin;
            drawCode(x + margin, codeTop, side);

            float columnX = x + 2 * margin + side;
            float columnW = w - 3 * margin - side;
            float columnCentre = columnX + columnW / 2;
            Text question = fit(fonts.bold, poster.question(), w * 0.042f, columnW, 5);
            float textY = question.drawCentred(columnCentre, codeTop, TEXT);
            fit(fonts.regular, poster.scanHint(), w * 0.03f, columnW, 2)
                    .drawCentred(columnCentre, textY - margin * 0.4f, TEXT);
            if (poster.locationLabel().isPresent()) {
                Text location = fit(fonts.regular, poster.locationLabel().get(), w * 0.026f, columnW, 2);
                location.drawCentred(columnCentre, codeTop - side + location.height(), MUTED);
            }
        }

        void foldLine(float y, float w) throws IOException {
            cs.saveGraphicsState();
            cs.setStrokingColor(FOLD);
            cs.setLineWidth(0.5f);
            cs.setLineDashPattern(new float[] {4, 3}, 0);
            cs.moveTo(0, y);
            cs.lineTo(w, y);
            cs.stroke();
            cs.restoreGraphicsState();
        }

        private void band(float x, float y, float w, float h) throws IOException {
            fill(new Color(poster.brandColor()), x, y, w, h);
            if (brandLogo != null) {
                float maxH = h * 0.64f;
                float maxW = w * 0.5f;
                float scale = Math.min(maxH / brandLogo.getHeight(), maxW / brandLogo.getWidth());
                float lw = brandLogo.getWidth() * scale;
                float lh = brandLogo.getHeight() * scale;
                cs.drawImage(brandLogo, x + (w - lw) / 2, y + (h - lh) / 2, lw, lh);
            }
        }

        /** The code with its quiet zone, {@code side} points square, top-left corner at (x, top). */
        private void drawCode(float x, float top, float side) throws IOException {
            QrOptions options = code.options();
            int total = code.sizeWithQuietZone();
            int quiet = options.quietZone();
            float module = side / total;
            fill(new Color(options.background()), x, top - side, side, side);
            cs.setNonStrokingColor(new Color(options.foreground()));
            int size = code.size();
            for (int row = 0; row < size; row++) {
                int col = 0;
                while (col < size) {
                    if (!code.isPainted(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < size && code.isPainted(col, row)) {
                        col++;
                    }
                    cs.addRect(x + (quiet + start) * module, top - (quiet + row + 1) * module,
                            (col - start) * module, module);
                }
            }
            cs.fill();
            if (codeLogo != null) {
                float box = (code.logoSide() - 1) * module;
                float scale = Math.min(box / codeLogo.getWidth(), box / codeLogo.getHeight());
                float lw = codeLogo.getWidth() * scale;
                float lh = codeLogo.getHeight() * scale;
                float centre = (quiet + code.logoStart() + code.logoSide() / 2f) * module;
                cs.drawImage(codeLogo, x + centre - lw / 2, top - centre - lh / 2, lw, lh);
            }
        }

        private void fill(Color color, float x, float y, float w, float h) throws IOException {
            cs.setNonStrokingColor(color);
            cs.addRect(x, y, w, h);
            cs.fill();
        }

        /** {@code text} wrapped into {@code width}, shrunk until it takes at most {@code maxLines} lines. */
        private Text fit(PDFont font, String text, float size, float width, int maxLines) {
            String printable = PosterFonts.printable(font, text).strip();
            float current = size;
            List<String> lines = wrap(font, printable, current, width);
            while ((lines.size() > maxLines || widest(font, lines, current) > width) && current > size * 0.45f) {
                current *= 0.92f;
                lines = wrap(font, printable, current, width);
            }
            return new Text(font, current, lines);
        }

        private static List<String> wrap(PDFont font, String text, float size, float width) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" +")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && width(font, candidate, size) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private static float widest(PDFont font, List<String> lines, float size) {
            float max = 0;
            for (String line : lines) {
                max = Math.max(max, width(font, line, size));
            }
            return max;
        }

        private static float width(PDFont font, String text, float size) {
            try {
                return font.getStringWidth(text) / 1000f * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Lines of one font and size, ready to draw. */
        private final class Text {
            private final PDFont font;
            private final float size;
            private final List<String> lines;

            Text(PDFont font, float size, List<String> lines) {
                this.font = font;
                this.size = size;
                this.lines = lines;
            }

            float height() {
                return lines.size() * size * 1.25f;
            }

            /** Draws centred lines below {@code top}; returns the y below the last line. */
            float drawCentred(float centreX, float top, Color color) throws IOException {
                cs.setNonStrokingColor(color);
                float baseline = top - size;
                for (String line : lines) {
                    cs.beginText();
                    cs.setFont(font, size);
                    cs.newLineAtOffset(centreX - width(font, line, size) / 2, baseline);
                    cs.showText(line);
                    cs.endText();
                    baseline -= size * 1.25f;
                }
                return top - height();
            }
        }
    }
}
