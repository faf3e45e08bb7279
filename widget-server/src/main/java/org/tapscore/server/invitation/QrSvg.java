package org.tapscore.server.invitation;

import org.tapscore.qr.QrEncoder;
import org.tapscore.qr.QrOptions;
import org.tapscore.qr.SvgWriter;

import java.nio.charset.StandardCharsets;

/** A QR code of an invitation link as a small SVG, made by the qr module like every other code. */
final class QrSvg {
    private static final QrEncoder ENCODER = new QrEncoder();
    private static final QrOptions OPTIONS = QrOptions.builder().size(240).build();

    private QrSvg() {
    }

    static String of(String text) {
        return new String(new SvgWriter().toBytes(ENCODER.encode(text, OPTIONS)), StandardCharsets.UTF_8);
    }
}
