package org.tapscore.server.admin;

import org.tapscore.server.support.TestServer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A browser-like HTTP client for the admin UI: keeps cookies by hand (the JDK's cookie store will not send
 * {@code Secure} cookies over plain http, browsers do for localhost) and reads CSRF tokens out of forms.
 */
final class AdminClient {
    static final String ADMIN_EMAIL = "admin@shop.example";
    static final String ADMIN_PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final TestServer server;
    final Map<String, String> cookies = new LinkedHashMap<>();

    AdminClient(TestServer server) {
        this.server = server;
    }

    static AdminClient signedIn(TestServer server, String email, String password) {
        AdminClient client = new AdminClient(server);
        HttpResponse<String> response = client.login(email, password);
        assertEquals(303, response.statusCode(), response.body());
        return client;
    }

    HttpResponse<String> login(String email, String password) {
        String token = csrf(get("/admin/login").body());
        return post("/admin/login", Map.of("csrf", token, "email", email, "password", password));
    }

    HttpResponse<String> get(String path) {
        return remember(server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET(),
                headers()));
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers()));
    }

    /** A {@code multipart/form-data} post as a browser sends a form with a file input. */
    HttpResponse<String> postFile(String path, Map<String, String> fields, String fileName, byte[] file,
                                  String... extraHeaders) {
        String boundary = "----TapscoreTest" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String[] headers = java.util.stream.Stream.concat(java.util.Arrays.stream(headers()),
                java.util.Arrays.stream(extraHeaders)).toArray(String[]::new);
        return remember(server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), headers));
    }

    /** The CSRF token of the first form on a page. */
    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in " + html);
        }
        return m.group(1);
    }

    String csrfOf(String path) {
        return csrf(get(path).body());
    }

    private String[] headers() {
        if (cookies.isEmpty()) {
            return new String[0];
        }
        return new String[] {"Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "))};
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || header.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    /** Signs the admin in through the real login form of a browser and waits for the page that follows. */
    static void signIn(org.openqa.selenium.WebDriver browser, TestServer server) {
        browser.get(server.baseUrl() + "/admin/login");
        browser.findElement(org.openqa.selenium.By.id("email")).sendKeys(ADMIN_EMAIL);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(ADMIN_PASSWORD);
        org.tapscore.server.support.Browsers.clickAndLoad(browser,
                org.openqa.selenium.By.cssSelector("main form button"));
    }
}
