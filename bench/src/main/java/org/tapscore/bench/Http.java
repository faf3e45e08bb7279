package org.tapscore.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The bench's own few requests (creating campaigns, reading summaries), with the admin key.
 *
 * <pre>{@code
 * Http.createCampaign(server, "bench");
 * }</pre>
 */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpResponse<byte[]> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<String> getWithKey(String url) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ServerProcess.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> postJson(String url, String json, boolean withKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (withKey) {
            b.header("Authorization", "Bearer " + ServerProcess.ADMIN_KEY);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates an active NPS campaign that any origin may use. */
    public static void createCampaign(ServerProcess server, String id) throws IOException, InterruptedException {
        HttpResponse<String> res = postJson(server.url("/api/v1/campaigns"),
                "{\"id\":\"" + id + "\",\"name\":\"Bench " + id + "\",\"type\":\"NPS\",\"status\":\"ACTIVE\","
                        + "\"texts\":{\"en\":{\"question\":\"How likely are you to recommend us?\"}}}", true);
        if (res.statusCode() != 201 && res.statusCode() != 200) {
            throw new IOException("could not create campaign " + id + ": " + res.statusCode() + " " + res.body());
        }
    }
}
