package org.tapscore.sdk;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * The default {@link Transport}, built on the JDK's {@link HttpClient}: HTTP/2 over TLS, HTTP/1.1 over plain
 * {@code http://}. Thread-safe; share one instance.
 *
 * <pre>{@code
 * HttpClient http = HttpClient.newBuilder().proxy(ProxySelector.of(proxyAddress)).build();
 * TapscoreClient client = TapscoreClient.builder()
 *         .baseUrl(url).apiKey(key)
 *         .transport(new JdkHttpTransport(http))
 *         .build();
 * }</pre>
 */
public final class JdkHttpTransport implements Transport {
    private final HttpClient http;

    /** Uses the given client, for example one with a proxy or a custom {@code SSLContext}. */
    public JdkHttpTransport(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** A transport with a 10 second connect timeout. */
    public static JdkHttpTransport create() {
        return create(Duration.ofSeconds(10));
    }

    /** A transport with the given connect timeout. */
    public static JdkHttpTransport create(Duration connectTimeout) {
        return new JdkHttpTransport(HttpClient.newBuilder().connectTimeout(connectTimeout).build());
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri())
                // Plain http:// stays on HTTP/1.1: no h2c upgrade dance through proxies and test servers.
                .version("https".equalsIgnoreCase(request.uri().getScheme())
                        ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.timeout() != null) {
            builder.timeout(request.timeout());
        }
        request.headers().forEach(builder::header);
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }
}
