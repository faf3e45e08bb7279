package org.tapscore.qr;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * Turns text into a {@link QrCode} with ZXing. Text is always encoded as UTF-8 with an ECI marker, so any
 * language, symbol or emoji round-trips; purely numeric or upper-case alphanumeric text uses ZXing's compact
 * modes. Thread-safe and stateless.
 *
 * <pre>{@code
 * QrEncoder encoder = new QrEncoder();
 * QrCode code = encoder.encode("Kafé Ærø", QrOptions.defaults());
 * String svg = new SvgWriter().write(code);
 * }</pre>
 */
public final class QrEncoder {
    private static final Map<EncodeHintType, Object> HINTS =
            Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());

    /**
     * Encodes {@code text} with the options' error-correction level, in the smallest version that fits.
     *
     * @throws QrException if the text is empty or too long for a QR code at that level
     */
    public QrCode encode(String text, QrOptions options) {
        if (text == null || text.isEmpty()) {
            throw new QrException("nothing to encode: the text is empty");
        }
        com.google.zxing.qrcode.encoder.QRCode qr;
        try {
            qr = Encoder.encode(text, options.errorCorrection().zxing(), HINTS);
        } catch (WriterException e) {
            throw new QrException("text of " + text.getBytes(StandardCharsets.UTF_8).length
                    + " bytes is too long for a QR code at error correction " + options.errorCorrection()
                    + ": shorten it or use a short link", e);
        }
        ByteMatrix matrix = qr.getMatrix();
        int size = matrix.getWidth();
        byte[][] rows = matrix.getArray();
        boolean[] dark = new boolean[size * size];
        for (int y = 0; y < size; y++) {
            byte[] row = rows[y];
            for (int x = 0; x < size; x++) {
                dark[y * size + x] = row[x] == 1;
            }
        }
        return new QrCode(text, qr.getVersion().getVersionNumber(), options, size, dark);
    }

    /** The QR version {@code text} needs at {@code level}, without building anything else. */
    public int version(String text, ErrorCorrection level) {
        return encode(text, QrOptions.builder().errorCorrection(level).build()).version();
    }
}
