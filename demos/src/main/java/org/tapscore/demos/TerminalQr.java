package org.tapscore.demos;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/**
 * A QR code drawn with half-block characters, two module rows per text line, dark on an explicit light
 * background (ANSI colours), so phones scan it from a dark terminal too.
 *
 * <pre>System.out.println(TerminalQr.render("https://nps.example/r/abc"));</pre>
 */
public final class TerminalQr {
    private static final String LIGHT_BACKGROUND = "\u001b[47;30m";
    private static final String RESET = "\u001b[0m";

    private TerminalQr() {
    }

    public static String render(String text) {
        return render(matrix(text), true);
    }

    /** Without colours: for logs and files (dark modules are the block characters). */
    public static String renderPlain(String text) {
        return render(matrix(text), false);
    }

    static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.L,
                    EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode as a QR code: " + text, e);
        }
    }

    static String render(BitMatrix m, boolean colour) {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y += 2) {
            if (colour) {
                out.append(LIGHT_BACKGROUND);
            }
            for (int x = 0; x < m.getWidth(); x++) {
                boolean top = m.get(x, y);
                boolean bottom = y + 1 < m.getHeight() && m.get(x, y + 1);
                out.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
            }
            if (colour) {
                out.append(RESET);
            }
            out.append('\n');
        }
        return out.toString();
    }
}
