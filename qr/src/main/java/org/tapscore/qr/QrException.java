package org.tapscore.qr;

/**
 * A QR request that cannot be fulfilled as asked: a colour that cannot be parsed, too little contrast, text too
 * long for any symbol, a size too small for the modules. The message is meant for the person who made the request
 * (an HTTP 400 body, a command-line error line).
 *
 * <pre>{@code
 * try {
 *     QrOptions.builder().foreground("#777777").background("#888888").build();
 * } catch (QrException e) {
 *     System.err.println(e.getMessage()); // "foreground #777777 on background #888888 has contrast 1.3:1 ..."
 * }
 * }</pre>
 */
public class QrException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public QrException(String message) {
        super(message);
    }

    public QrException(String message, Throwable cause) {
        super(message, cause);
    }
}
