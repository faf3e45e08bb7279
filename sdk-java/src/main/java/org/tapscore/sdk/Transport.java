package org.tapscore.sdk;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one HTTP request and returns the answer, whatever its status. The client wraps the transport in its retry
 * decorator, so an implementation makes exactly one attempt and reports a missing answer as an {@link IOException}.
 * The default is {@link JdkHttpTransport}; plug in another one (a proxy-aware client, a recording fake) with
 * {@link TapscoreClient.Builder#transport(Transport)}.
 *
 * <pre>{@code
 * Transport logging = request -> {
 *     System.out.println(request.method() + " " + request.uri());
 *     return JdkHttpTransport.create().send(request);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Transport {

    /** Makes one attempt; an I/O failure or a timeout is thrown, every HTTP status is returned. */
    Response send(Request request) throws IOException, InterruptedException;

    /**
     * One HTTP request.
     *
     * @param method {@code GET}, {@code POST}, {@code PATCH} or {@code DELETE}
     * @param uri the absolute address
     * @param headers header names and values (one value per name)
     * @param body the body bytes, or {@code null} for none
     * @param timeout how long to wait for the answer
     */
    record Request(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(uri, "uri");
            headers = Map.copyOf(headers);
        }

        /** The value of a header, matched case-insensitively. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }
    }

    /**
     * One HTTP answer.
     *
     * @param status the status code
     * @param headers header names and values as received
     * @param body the body bytes, empty when there was none
     */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {
        public Response {
            headers = Map.copyOf(headers);
            body = body == null ? new byte[0] : body;
        }

        /** The first value of a header, matched case-insensitively. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst();
        }
    }
}
