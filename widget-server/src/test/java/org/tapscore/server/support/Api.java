package org.tapscore.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small helpers to read API answers in tests. */
public final class Api {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Api() {
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + response.body(), e);
        }
    }

    public static JsonNode summary(TestServer server, String campaign) {
        HttpResponse<String> response = server.getWithKey("/api/v1/campaigns/" + campaign + "/summary");
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    public static long count(TestServer server, String campaign) {
        return summary(server, campaign).get("responses").asLong();
    }

    /** Asserts a 4xx problem document and returns it. */
    public static JsonNode problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "problem content type");
        JsonNode body = json(response);
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.hasNonNull("title") && body.hasNonNull("detail") && body.hasNonNull("code"), body.toString());
        assertTrue(!response.body().contains("at org.") && !response.body().contains("Exception"),
                "no internals in " + response.body());
        return body;
    }
}
