package org.tapscore.server.admin;

import org.junit.jupiter.api.Test;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two nodes on one database: a session started on one is valid on the other, and so is its logout. */
class SharedSessionsTest {

    @Test
    void sessionsLiveInTheDatabase() {
        var database = TestDatabases.h2();
        AdminSettings admin = AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
        try (TestServer one = TestServer.start(database, 10_000, Clock.systemUTC(), admin);
             TestServer two = TestServer.start(database, 10_000, Clock.systemUTC(), admin)) {
            AdminClient onOne = AdminClient.signedIn(one, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
            String cookie = AdminAuth.SESSION_COOKIE + "=" + onOne.cookies.get(AdminAuth.SESSION_COOKIE);
            assertEquals(200, two.get("/admin/settings", "Cookie", cookie).statusCode());
            assertEquals(303, onOne.post("/admin/logout", Map.of("csrf", onOne.csrfOf("/admin"))).statusCode());
            assertEquals(303, two.get("/admin/settings", "Cookie", cookie).statusCode());
        }
    }
}
