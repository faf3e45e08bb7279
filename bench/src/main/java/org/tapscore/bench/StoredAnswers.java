package org.tapscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server says it stored, read back through {@code GET /api/v1/responses?campaign=…} with the admin key
 * (pages of 1000 following the cursor), so the same check works on H2 and PostgreSQL.
 *
 * <pre>{@code
 * List<String> ids = StoredAnswers.ids(server, "drill");
 * }</pre>
 */
public final class StoredAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredAnswers() {
    }

    /** The ids of every stored answer of {@code campaign}, in the order the pages gave them. */
    public static List<String> ids(ServerProcess server, String campaign) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String url = server.url("/api/v1/responses?limit=1000&campaign=" + campaign
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            HttpResponse<String> res = Http.getWithKey(url);
            if (res.statusCode() != 200) {
                throw new IOException("listing answers: " + res.statusCode() + " " + res.body());
            }
            JsonNode page = JSON.readTree(res.body());
            for (JsonNode item : page.get("items")) {
                ids.add(item.get("id").asText());
            }
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);
        return ids;
    }

    /** Stored answers over every campaign the server knows. */
    public static long total(ServerProcess server) throws IOException, InterruptedException {
        HttpResponse<String> res = Http.getWithKey(server.url("/api/v1/campaigns"));
        if (res.statusCode() != 200) {
            throw new IOException("listing campaigns: " + res.statusCode() + " " + res.body());
        }
        long total = 0;
        for (JsonNode campaign : JSON.readTree(res.body()).get("items")) {
            total += ids(server, campaign.get("id").asText()).size();
        }
        return total;
    }
}
