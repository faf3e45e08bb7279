package org.tapscore.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies with a hard size cap, so a huge or endless body costs us at most {@code limit} bytes.
 * Text must be valid UTF-8: a broken byte sequence is a 400, never a silently replaced character.
 */
public final class RequestBodies {
    private static final long MAX_BODY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(15);

    private final int limit;

    public RequestBodies(int limit) {
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    public byte[] bytes(ServerRequest req) {
        req.headers().contentLength().ifPresent(length -> {
            if (length > limit) {
                throw ApiException.tooLarge(limit);
            }
        });
        long deadline = System.nanoTime() + MAX_BODY_NANOS;
        try (InputStream in = req.content().inputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(limit, 8192));
            byte[] chunk = new byte[8192];
            int read;
            while ((read = in.read(chunk)) >= 0) {
                body.write(chunk, 0, read);
                if (body.size() > limit) {
                    throw ApiException.tooLarge(limit);
                }
                if (System.nanoTime() > deadline) {
                    // A body trickled byte by byte would hold this request open for ever.
                    throw ApiException.timeout();
                }
            }
            return body.toByteArray();
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.clientGone();
        } catch (RuntimeException e) {
            if (e instanceof ApiException) {
                throw e;
            }
            // Helidon signals a client that went away mid-body with its own unchecked exceptions.
            throw ApiException.clientGone();
        }
    }

    /** A JSON body; the content type must say JSON so that forms posted cross-site are never read as JSON. */
    public <T> T json(ServerRequest req, Class<T> type) {
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.toLowerCase().startsWith("application/json")
                && !contentType.toLowerCase().startsWith("application/merge-patch+json")) {
            throw ApiException.unsupportedMediaType("application/json");
        }
        // Parsed from the decoded text, so Jackson cannot guess another encoding (UTF-16) from the bytes.
        return Json.read(utf8(bytes(req)), type);
    }

    /** A body as UTF-8 text, e.g. an HTML form post. */
    public String text(ServerRequest req) {
        return utf8(bytes(req));
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("bad-encoding", "The body is not valid UTF-8");
        }
    }
}
