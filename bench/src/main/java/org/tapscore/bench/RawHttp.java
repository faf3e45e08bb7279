package org.tapscore.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Bytes on a socket, for requests no well-behaved HTTP client would send (bad UTF-8 in the request line, lying
 * {@code Content-Length}, broken chunking, oversized headers).
 *
 * <pre>{@code
 * RawHttp.Reply reply = RawHttp.exchange(port, "GET /s/%ff HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(), 10_000);
 * }</pre>
 */
public final class RawHttp {
    private RawHttp() {
    }

    /**
     * Sends {@code request}, half-closes the connection (so a body shorter than its {@code Content-Length} ends
     * at EOF) and reads the status line of the first reply.
     */
    public static Reply exchange(int port, byte[] request, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server may stop reading (and close) before a huge request is written: read what it said.
            }
            return new Reply(readStatus(socket.getInputStream()), null);
        } catch (SocketTimeoutException e) {
            return new Reply(-1, "no reply within " + timeoutMillis + " ms");
        } catch (IOException e) {
            return new Reply(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The status code of the first line, 0 when the server closed without answering. */
    static int readStatus(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && line.size() < 200) {
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1).trim();
        if (!text.startsWith("HTTP/")) {
            return 0;
        }
        String[] parts = text.split(" ");
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The reply's status: an HTTP status, 0 for closed without a reply, -1 for no reply in time. */
    public record Reply(int status, String problem) {
    }
}
