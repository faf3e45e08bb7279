package org.tapscore.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, sessions, CSRF tokens and roles of the admin UI, over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminAuthTest {
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theConfiguredAdminSignsInWithAStrictSessionCookie() {
        AdminClient client = new AdminClient(server);
        HttpResponse<String> response = client.login("Admin@Shop.example", AdminClient.ADMIN_PASSWORD);
        assertEquals(303, response.statusCode(), response.body());
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AdminAuth.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"),
                cookie);
        HttpResponse<String> home = client.get("/admin");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Campaigns") && home.body().contains("/admin/campaigns/demo"));
        assertTrue(home.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    }

    @Test
    void wrongPasswordsAndUnknownUsersAreRefused() {
        AdminClient client = new AdminClient(server);
        HttpResponse<String> wrong = client.login(AdminClient.ADMIN_EMAIL, "not the password");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Wrong e-mail address or password"));
        assertFalse(client.cookies.containsKey(AdminAuth.SESSION_COOKIE));
        assertEquals(401, client.login("nobody@shop.example", AdminClient.ADMIN_PASSWORD).statusCode());
        HttpResponse<String> home = client.get("/admin");
        assertEquals(303, home.statusCode());
        assertEquals("/admin/login", home.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        AdminClient anonymous = new AdminClient(server);
        anonymous.get("/admin/login");
        HttpResponse<String> login = anonymous.post("/admin/login",
                Map.of("email", AdminClient.ADMIN_EMAIL, "password", AdminClient.ADMIN_PASSWORD));
        assertEquals(403, login.statusCode());
        assertTrue(login.body().contains("The form expired"), login.body());
        assertFalse(anonymous.cookies.containsKey(AdminAuth.SESSION_COOKIE));

        // A browser on plain http:// to another host keeps the Secure login cookie to itself: say so.
        String page = anonymous.get("/admin/login").body();
        anonymous.cookies.clear();
        HttpResponse<String> withoutCookie = anonymous.post("/admin/login", Map.of("csrf", AdminClient.csrf(page),
                "email", AdminClient.ADMIN_EMAIL, "password", AdminClient.ADMIN_PASSWORD));
        assertEquals(403, withoutCookie.statusCode());
        assertTrue(withoutCookie.body().contains("needs cookies and an https:// address"), withoutCookie.body());

        AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
        Map<String, String> user = Map.of("email", "csrf@shop.example", "password", "long enough pw", "role", "VIEWER");
        assertEquals(403, admin.post("/admin/settings/users", user).statusCode());
        assertEquals(403, admin.post("/admin/settings/users", with(user, "csrf", "forged")).statusCode());
        assertFalse(admin.get("/admin/settings").body().contains("csrf@shop.example"));
        assertEquals(403, admin.post("/admin/logout", Map.of()).statusCode());
        assertEquals(200, admin.get("/admin").statusCode(), "still signed in");
    }

    @Test
    void anAdminAddsAViewerWhoCanLookButNotChangeSettings() {
        AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
        HttpResponse<String> added = admin.post("/admin/settings/users", Map.of("csrf", admin.csrfOf("/admin/settings"),
                "email", "viewer@shop.example", "password", "viewer password", "role", "VIEWER"));
        assertEquals(303, added.statusCode(), added.body());

        AdminClient viewer = AdminClient.signedIn(server, "viewer@shop.example", "viewer password");
        assertEquals(200, viewer.get("/admin/campaigns/demo").statusCode());
        String settings = viewer.get("/admin/settings").body();
        assertFalse(settings.contains("id=\"add-user\""), "viewers get no user form");
        HttpResponse<String> refused = viewer.post("/admin/settings/users", Map.of("csrf", AdminClient.csrf(settings),
                "email", "sneaky@shop.example", "password", "sneaky password", "role", "ADMIN"));
        assertEquals(403, refused.statusCode());
        assertFalse(admin.get("/admin/settings").body().contains("sneaky@shop.example"));
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        AdminClient client = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
        String session = client.cookies.get(AdminAuth.SESSION_COOKIE);
        assertEquals(303, client.post("/admin/logout", Map.of("csrf", client.csrfOf("/admin"))).statusCode());
        assertFalse(client.cookies.containsKey(AdminAuth.SESSION_COOKIE));
        HttpResponse<String> replay = server.get("/admin", "Cookie", AdminAuth.SESSION_COOKIE + "=" + session);
        assertEquals(303, replay.statusCode(), "an old cookie is worthless after logout");
    }

    @Test
    void usersAreCreatedWithTheAdminKey() {
        String body = """
                {"email": "api@shop.example", "password": "from the api key", "role": "ADMIN"}""";
        Api.problem(server.postJson("/api/v1/users", body), 401);
        HttpResponse<String> created = server.postJson("/api/v1/users", body,
                "Authorization", "Bearer " + TestServer.ADMIN_KEY);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode user = Api.json(created);
        assertEquals("api@shop.example", user.get("email").asText());
        assertFalse(created.body().contains("password"), "no hash in the answer");
        Api.problem(server.postJson("/api/v1/users", body, "Authorization", "Bearer " + TestServer.ADMIN_KEY), 409);
        Api.problem(server.postJson("/api/v1/users", """
                {"email": "short@shop.example", "password": "short", "role": "ADMIN"}""",
                "Authorization", "Bearer " + TestServer.ADMIN_KEY), 400);
        AdminClient.signedIn(server, "api@shop.example", "from the api key");
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
