package org.tapscore.qr.poster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The regular and bold fonts of one poster document. DejaVu Sans is bundled (Latin, Greek, Cyrillic, € and many
 * symbols) and embedded as a subset; if it cannot be loaded the poster falls back to Helvetica, which only knows
 * Latin-1, and says so in the log.
 */
final class PosterFonts {
    private static final System.Logger LOG = System.getLogger(PosterFonts.class.getName());
    private static final String REGULAR = "fonts/DejaVuSans.ttf";
    private static final String BOLD = "fonts/DejaVuSans-Bold.ttf";

    // Read once; each document parses and subsets its own copy.
    private static final byte[] REGULAR_BYTES = read(REGULAR);
    private static final byte[] BOLD_BYTES = read(BOLD);

    final PDFont regular;
    final PDFont bold;

    private PosterFonts(PDFont regular, PDFont bold) {
        this.regular = regular;
        this.bold = bold;
    }

    static PosterFonts load(PDDocument document) {
        if (REGULAR_BYTES != null && BOLD_BYTES != null) {
            try {
                return new PosterFonts(
                        PDType0Font.load(document, new ByteArrayInputStream(REGULAR_BYTES), true),
                        PDType0Font.load(document, new ByteArrayInputStream(BOLD_BYTES), true));
            } catch (IOException e) {
                LOG.log(Level.WARNING, "poster font DejaVu Sans could not be loaded ({0}); falling back to "
                        + "Helvetica, characters outside Latin-1 will print as '?'", e.getMessage());
            }
        }
        return standard14();
    }

    static PosterFonts standard14() {
        return new PosterFonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    }

    /**
     * {@code text} with every character the font cannot show replaced by '?' and control characters by spaces,
     * so one odd character never fails a whole poster.
     */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) || Character.isWhitespace(cp) ? " " : Character.toString(cp);
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static byte[] read(String resource) {
        try (InputStream in = PosterFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                LOG.log(Level.WARNING, "poster font {0} is not on the class path; posters will use Helvetica and "
                        + "print characters outside Latin-1 as '?'", resource);
                return null;
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }
}
