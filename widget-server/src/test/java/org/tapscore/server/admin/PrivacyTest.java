package org.tapscore.server.admin;

import org.junit.jupiter.api.Test;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After answers, comments, sign-ins and alerts, no table holds a client's IP address. */
class PrivacyTest {
    private static final List<String> ADDRESSES = List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1", "203.0.113.7");

    @Test
    void noTableStoresClientAddresses() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD))) {
            String campaign = Seed.campaign(server, "NPS", "TOUCHPOINT");
            server.postJson("/api/v1/campaigns/" + campaign + "/alert-rules",
                    "{\"from\": 0, \"to\": 10, \"webhookUrl\": \"http://192.0.2.1/hook\"}",
                    "Authorization", "Bearer " + TestServer.ADMIN_KEY);
            // A public answer (no key), forwarded through a proxy, then its comment.
            var created = server.postJson("/api/v1/responses", """
                    {"campaign": "%s", "score": 4, "channel": "EMBED", "idempotencyKey": "%s"}"""
                    .formatted(campaign, UUID.randomUUID()), "X-Forwarded-For", "203.0.113.7");
            assertEquals(201, created.statusCode(), created.body());
            // A plain form post of the survey page.
            server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/s/" + campaign))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-For", "203.0.113.7")
                    .POST(HttpRequest.BodyPublishers.ofString("score=7&key=" + UUID.randomUUID())));
            AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
            new AdminClient(server).login(AdminClient.ADMIN_EMAIL, "wrong password");

            List<String> found = new ArrayList<>();
            try (Connection c = server.server().components().db().connection(); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                        + "where lower(table_schema) = 'public' and table_type = 'BASE TABLE'")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                assertTrue(tables.containsAll(List.of("response", "admin_session", "alert_delivery")), tables.toString());
                for (String table : tables) {
                    try (Statement q = c.createStatement(); ResultSet rs = q.executeQuery("select * from " + table)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                String value = rs.getString(i);
                                for (String address : ADDRESSES) {
                                    if (value != null && value.contains(address)) {
                                        found.add(table + "." + rs.getMetaData().getColumnName(i) + " = " + value);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            assertTrue(found.isEmpty(), "client addresses stored: " + found);
        }
    }
}
