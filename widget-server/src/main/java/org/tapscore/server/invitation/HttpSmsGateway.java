package org.tapscore.server.invitation;

import org.tapscore.server.web.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A generic SMS gateway: POSTs {@code {"to": "+4512345678", "text": "…"}} as JSON to a configured URL with
 * {@code Authorization: Bearer <token>}. Any 2xx is success; 4xx other than 408/429 is final; the rest is retried.
 *
 * <pre>new HttpSmsGateway(URI.create("https://sms.example/send"), "secret").send("+4512345678", "Hi");</pre>
 */
public final class HttpSmsGateway implements SmsGateway {
    private final URI url;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public HttpSmsGateway(URI url, String token) {
        this.url = url;
        this.token = token;
    }

    @Override
    public void send(String to, String text) throws DeliveryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(Map.of("to", to, "text", text))));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryException("SMS gateway unreachable: " + e.getMessage(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Interrupted while sending an SMS", false, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean permanent = status / 100 == 4 && status != 408 && status != 429;
            throw new DeliveryException("SMS gateway answered " + status, permanent, null);
        }
    }
}
