package org.tapscore.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /admin/contacts} without a browser: the plain-form path, roles, CSRF and the size limit. */
class ContactImportPageTest {
    private static TestServer server;
    private static AdminClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD));
        admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String csv(String p) {
        return "Kundenr;Navn;E-mail;Sprog;Region\r\n"
                + p + "1;Søren Ærø;soren@example.dk;da;Fyn\r\n"
                + p + "2;Lise Ørsted;not-an-address;da;Sjælland\r\n"
                + p + "3;Åse Blå;aase@example.dk;en;Jylland\r\n";
    }

    /** Posts the file as the form does without JavaScript and follows the redirect to the job's page. */
    private static String upload(String fileName, byte[] file) {
        HttpResponse<String> posted = admin.postFile("/admin/contacts", Map.of("csrf", admin.csrfOf("/admin/contacts")),
                fileName, file);
        assertEquals(303, posted.statusCode(), posted.body());
        return posted.headers().firstValue("Location").orElseThrow();
    }

    private static String importChecked(String jobPage) {
        String page = admin.get(jobPage).body();
        HttpResponse<String> posted = admin.post(jobPage, Map.of("csrf", AdminClient.csrf(page), "skipInvalid", "true"));
        assertEquals(303, posted.statusCode(), posted.body());
        return admin.get(posted.headers().firstValue("Location").orElseThrow()).body();
    }

    private static String stored(String externalId, String column) throws Exception {
        try (Connection c = server.server().components().db().connection();
             PreparedStatement ps = c.prepareStatement("select " + column + " from respondent where external_id = ?")) {
            ps.setString(1, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String cell(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\">");
        assertTrue(at > 0, id + " missing in " + html);
        return html.substring(at + id.length() + 6, html.indexOf('<', at));
    }

    @Test
    void aFileWithABadRowIsReportedThenImportedWithSkipAndTheSameFileAgainChangesNothing() throws Exception {
        String p = "u" + UUID.randomUUID().toString().substring(0, 6) + "-";
        byte[] file = csv(p).getBytes(StandardCharsets.UTF_8);
        String jobPage = upload("kunder.csv", file);
        String checked = admin.get(jobPage).body();
        assertTrue(checked.contains("id=\"import-problems\""), checked);
        assertTrue(checked.contains("<td class=\"num\">3</td><td>E-mail</td><td>&#39;not-an-address&#39; is not an "
                + "e-mail address</td>"), checked);
        assertTrue(checked.contains("Import and skip the 1 invalid row"), checked);
        assertEquals(null, stored(p + "1", "name"), "checking stores nothing");

        String done = importChecked(jobPage);
        assertTrue(done.contains("Done: 2 created, 0 updated, 0 unchanged, 1 skipped"), done);
        assertEquals("2", cell(done, "count-created"));
        assertEquals("1", cell(done, "count-skipped"));
        assertEquals("Søren Ærø", stored(p + "1", "name"));
        assertEquals(null, stored(p + "2", "name"));
        String updatedAt = stored(p + "1", "updated_at");
        JsonNode status = Api.json(server.send(java.net.http.HttpRequest.newBuilder(
                URI.create(server.baseUrl() + jobPage + "/status")), "Cookie", "tapscore_session="
                + admin.cookies.get(AdminAuth.SESSION_COOKIE)));
        assertEquals("done", status.get("phase").asText());
        assertEquals(status.get("max").asInt(), status.get("value").asInt());

        String again = importChecked(upload("kunder.csv", file));
        assertTrue(again.contains("Done: 0 created, 0 updated, 2 unchanged, 1 skipped"), again);
        assertEquals(updatedAt, stored(p + "1", "updated_at"), "nothing was touched");

        String list = admin.get("/admin/contacts").body().replaceAll(">\\s+<", "><");
        assertTrue(list.contains("id=\"imports\""), list);
        assertTrue(list.matches("(?s).*<td>admin@shop\\.example</td><td>kunder\\.csv</td><td>done</td>"
                + "<td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">2</td><td class=\"num\">1</td>.*"),
                list);
        assertTrue(list.contains("<td class=\"num\">2</td><td class=\"num\">0</td><td class=\"num\">0</td>"), list);
    }

    @Test
    void aViewerSeesTheContactsButCannotImport() {
        admin.post("/admin/settings/users", Map.of("csrf", admin.csrfOf("/admin/settings"),
                "email", "reader@shop.example", "password", "reader password", "role", "VIEWER"));
        AdminClient viewer = AdminClient.signedIn(server, "reader@shop.example", "reader password");
        String page = viewer.get("/admin/contacts").body();
        assertTrue(page.contains("id=\"contact-count\""), page);
        assertFalse(page.contains("id=\"upload-form\""), page);

        byte[] file = csv("v-").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = viewer.postFile("/admin/contacts", Map.of("csrf", AdminClient.csrf(page)),
                "kunder.csv", file, "Accept", "text/html");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("Only admins may import contacts"), refused.body());
        assertEquals("admin-only", Api.problem(viewer.postFile("/admin/contacts",
                Map.of("csrf", AdminClient.csrf(page)), "kunder.csv", file), 403).get("code").asText());

        String jobPage = upload("kunder.csv", file);
        assertEquals(403, viewer.get(jobPage).statusCode());
        assertEquals(403, viewer.get(jobPage + "/status").statusCode());
        assertEquals(403, viewer.post(jobPage, Map.of("csrf", AdminClient.csrf(page), "skipInvalid", "true"))
                .statusCode());
        assertTrue(admin.get(jobPage).body().contains("Import and skip the 1 invalid row"), "still only checked");
    }

    @Test
    void aFileWithoutAKeyColumnFailsWithTheReason() {
        String page = admin.get(upload("namen.csv", "name,city\nA,B\n".getBytes(StandardCharsets.UTF_8))).body();
        assertTrue(page.contains("Failed: The file needs a column with an external id or an e-mail address"), page);
        assertFalse(page.contains("id=\"import-form\""), page);
    }

    @Test
    void anUploadWithoutTheFormsTokenIsRefused() {
        HttpResponse<String> refused = admin.postFile("/admin/contacts", Map.of(), "kunder.csv",
                csv("x-").getBytes(StandardCharsets.UTF_8));
        assertEquals(403, refused.statusCode());
        assertEquals("bad-csrf-token", Api.problem(refused, 403).get("code").asText());
    }

    @Test
    void aFileOverTheLimitGetsA413ThatSaysSo() throws Exception {
        // A raw request: the server must answer from the declared length, before the body arrives.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /admin/contacts HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                    + "Cookie: tapscore_session=" + admin.cookies.get(AdminAuth.SESSION_COOKIE) + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (65L << 20)
                    + "\r\n\r\n--b\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] chunk = new byte[4096];
            int read;
            while (!answer.toString().contains("</html>") && (read = in.read(chunk)) > 0) {
                answer.append(new String(chunk, 0, read, StandardCharsets.UTF_8));
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 413"), answer::toString);
            assertTrue(answer.toString().contains("The file is larger than 64 MB"), answer::toString);
        }
    }

    @Test
    void importsThroughTheApiAreListedToo() {
        String p = "api-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        String name = p + "crm <sync>.csv";
        HttpResponse<String> applied = apiUpload(name, "id,email\n" + p + "1,a@" + p + "example.com\n", "");
        assertEquals(200, applied.statusCode(), applied.body());
        assertEquals(422, apiUpload(p + "bad.csv", "id,email\n" + p + "2,not-an-address\n", "").statusCode());
        assertEquals(200, apiUpload(p + "trial.csv", "id,email\n" + p + "3,c@" + p + "example.com\n", "?dryRun=true")
                .statusCode());

        String page = admin.get("/admin/contacts").body();
        assertTrue(page.contains("Started (Europe/Copenhagen)"), "times in the admin pages' zone");
        String row = row(page, p + "crm &lt;sync&gt;.csv");
        assertTrue(row.contains("API key") && row.contains("done") && row.contains("<td class=\"num\">1</td>"), row);
        assertTrue(row(page, p + "bad.csv").contains("failed: 1 rows have problems; nothing was stored"), page);
        assertFalse(page.contains(p + "trial.csv"), "a dry run stores nothing and is not an import");
    }

    @Test
    void fileNamesAreReadAsClientsSendThem() {
        String p = "fn-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        String csv = "id\n" + p + "1\n";
        // curl sends a typed name as raw UTF-8 bytes (the JDK's client will not): they reach the server as replacement
        // characters, shown as '?', where filename* keeps every letter.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: text/csv\r\nAuthorization: Bearer " + TestServer.ADMIN_KEY + "\r\n"
                    + "Content-Disposition: attachment; filename=\"" + p + "Jørgen.csv\"\r\n"
                    + "Content-Length: " + csv.length() + "\r\n\r\n" + csv).getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] head = new byte[12];
            int read = socket.getInputStream().readNBytes(head, 0, head.length);
            assertEquals("HTTP/1.1 200", new String(head, 0, read, StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(200, apiUploadWithDisposition("attachment; filename=\"fallback.csv\"; filename*=UTF-8''"
                + p + "S%C3%B8ren%20%2B%20co.csv", csv).statusCode());
        assertEquals(200, apiUploadWithDisposition("attachment; filename=\"" + p + "a\\\"b.csv\"", csv).statusCode());
        String page = admin.get("/admin/contacts").body();
        assertTrue(page.contains(p + "J??rgen.csv"), page);
        assertTrue(page.contains(p + "Søren + co.csv"), page);
        assertTrue(page.contains(p + "a&quot;b.csv"), page);
    }

    private static HttpResponse<String> apiUploadWithDisposition(String disposition, String csv) {
        return server.send(java.net.http.HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/imports"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .header("Content-Disposition", disposition)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)));
    }

    private static HttpResponse<String> apiUpload(String fileName, String csv, String query) {
        return server.send(java.net.http.HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/imports" + query))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)));
    }

    private static String row(String page, String text) {
        int at = page.indexOf(text);
        assertTrue(at >= 0, "no row with " + text);
        return page.substring(page.lastIndexOf("<tr>", at), page.indexOf("</tr>", at));
    }

    @Test
    void anImportLeftStoringByAStoppedServerIsShownAsInterrupted() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        try (Connection c = server.server().components().db().connection();
             PreparedStatement ps = c.prepareStatement("insert into contact_import (id, file_name, imported_by, "
                     + "started_at, status) values (?, ?, 'admin@shop.example', ?, 'storing')")) {
            for (Object[] row : new Object[][] {{"left-behind.csv", now.minusSeconds(2 * 3600)},
                    {"running-now.csv", now.minusSeconds(60)}}) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, (String) row[0]);
                ps.setObject(3, java.time.OffsetDateTime.ofInstant((java.time.Instant) row[1], java.time.ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
        String page = admin.get("/admin/contacts").body();
        String leftBehind = page.substring(page.indexOf("left-behind.csv"));
        leftBehind = leftBehind.substring(0, leftBehind.indexOf("</tr>"));
        assertTrue(leftBehind.contains("interrupted: The server stopped during this import; nothing of it was stored"),
                leftBehind);
        String running = page.substring(page.indexOf("running-now.csv"));
        running = running.substring(0, running.indexOf("</tr>"));
        assertTrue(running.contains("storing") && !running.contains("interrupted"), running);
    }
}
