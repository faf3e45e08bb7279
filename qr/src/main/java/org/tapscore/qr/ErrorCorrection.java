package org.tapscore.qr;

import java.util.Locale;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * How much of a symbol may be damaged and still read: L ≈ 7 %, M ≈ 15 %, Q ≈ 25 %, H ≈ 30 %. Higher levels make
 * denser symbols for the same text.
 *
 * <pre>{@code
 * ErrorCorrection ecc = ErrorCorrection.parse("h"); // ErrorCorrection.H
 * }</pre>
 */
public enum ErrorCorrection {
    L(ErrorCorrectionLevel.L),
    M(ErrorCorrectionLevel.M),
    Q(ErrorCorrectionLevel.Q),
    H(ErrorCorrectionLevel.H);

    private final ErrorCorrectionLevel zxing;

    ErrorCorrection(ErrorCorrectionLevel zxing) {
        this.zxing = zxing;
    }

    ErrorCorrectionLevel zxing() {
        return zxing;
    }

    /** Parses {@code L}, {@code M}, {@code Q} or {@code H}, in either case. */
    public static ErrorCorrection parse(String value) {
        if (value != null) {
            for (ErrorCorrection level : values()) {
                if (level.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                    return level;
                }
            }
        }
        throw new QrException("error correction must be one of L, M, Q, H, not '" + value + "'");
    }
}
