package org.tapscore.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alerts page: admins add and delete rules (the secret shown once), viewers only look, forms need the token. */
class AlertPageTest {

    @Test
    void adminsManageRulesViewersOnlyLook() {
        try (TestServer server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD))) {
            String campaign = Seed.campaign(server, "NPS", "TOUCHPOINT");
            String page = "/admin/campaigns/" + campaign + "/alerts";
            AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
            Map<String, String> webhook = Map.of("from", "0", "to", "6", "target", "https://hooks.example/x",
                    "format", "slack");
            assertEquals(403, admin.post(page, webhook).statusCode(), "no CSRF token");
            HttpResponse<String> created = admin.post(page, with(webhook, "csrf", admin.csrfOf(page)));
            assertEquals(200, created.statusCode(), created.body());
            assertTrue(created.body().matches("(?s).*id=\"new-secret\">whsec_[A-Za-z0-9+/=]{44}<.*"));
            assertEquals(200, admin.post(page, Map.of("csrf", admin.csrfOf(page), "from", "9", "to", "10",
                    "target", "team@shop.example", "format", "json")).statusCode());
            assertEquals(400, admin.post(page, Map.of("csrf", admin.csrfOf(page), "from", "6", "to", "2",
                    "target", "team@shop.example", "format", "json")).statusCode());

            JsonNode rules = Api.json(server.getWithKey("/api/v1/campaigns/" + campaign + "/alert-rules"));
            assertEquals(2, rules.size());
            assertEquals("slack", rules.get(0).get("format").asText());
            assertEquals("team@shop.example", rules.get(1).get("email").asText());

            admin.post("/admin/settings/users", Map.of("csrf", admin.csrfOf("/admin/settings"),
                    "email", "watcher@shop.example", "password", "watcher password", "role", "VIEWER"));
            AdminClient viewer = AdminClient.signedIn(server, "watcher@shop.example", "watcher password");
            String seen = viewer.get(page).body();
            assertTrue(seen.contains("https://hooks.example/x") && seen.contains("team@shop.example"));
            assertFalse(seen.contains("id=\"new-alert\""));
            assertFalse(seen.contains("whsec_"));
            assertEquals(403, viewer.post(page, with(webhook, "csrf", AdminClient.csrf(seen))).statusCode());

            Matcher delete = Pattern.compile("action=\"(" + page + "/[0-9a-f-]{36}/delete)\"")
                    .matcher(admin.get(page).body());
            assertTrue(delete.find());
            assertEquals(403, viewer.post(delete.group(1), Map.of("csrf", AdminClient.csrf(seen))).statusCode());
            assertEquals(303, admin.post(delete.group(1), Map.of("csrf", admin.csrfOf(page))).statusCode());
            assertEquals(1, Api.json(server.getWithKey("/api/v1/campaigns/" + campaign + "/alert-rules")).size());
        }
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
