package org.tapscore.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Malformed and hostile requests against the public endpoints, from a seeded {@link Random} so a failure can be
 * replayed: wrong JSON types, huge and truncated bodies, bad UTF-8, forged tokens and keys, unknown campaigns,
 * header abuse, broken request lines and random paths under {@code /s /embed /kiosk /api/v1 /qr /assets}.
 * None of them is a valid answer: every body that reaches the recording path has at least one defect that must
 * make the server refuse it, so after a run nothing may have been stored.
 *
 * <pre>{@code
 * HostileRequests requests = new HostileRequests(42, port, "demo", adminKey);
 * HostileRequests.Request r = requests.next();
 * RawHttp.exchange(port, r.bytes(), 10_000);
 * }</pre>
 */
public final class HostileRequests {
    private static final List<String> PREFIXES = List.of("/s", "/embed", "/kiosk", "/api/v1", "/api/v1/responses",
            "/api/v1/campaigns", "/api/v1/invitations", "/api/v1/devices", "/qr", "/q", "/r", "/assets",
            "/widget.js", "/observe", "/admin", "");
    private static final List<String> SEGMENTS = List.of("demo", "service", "..", "%2e%2e", "%00", "%ff%fe", "%",
            "%zz", "followup", "thanks", "summary", "export.csv", "poster.pdf", "demo.svg", "demo.png", "survey.css",
            "survey.js", "<script>", "'", "\"", ";", "%0d%0aSet-Cookie:x=1", "..%2f..%2fetc%2fpasswd", "a".repeat(300),
            "ÆØÅ", "%C3%A6", "%c3%28", "00000000-0000-0000-0000-000000000000", "\u202e", "NaN", "-1", "health");
    private static final List<String> PARAMS = List.of("ch", "loc", "lang", "score", "size", "ecc", "device", "r",
            "t", "cursor", "limit", "from", "to", "tz", "campaign", "key");
    private static final List<String> VALUES = List.of("", "-1", "0", "11", "99999999999", "1e309", "abc", "%ff",
            "%00", "<script>alert(1)</script>", "POPUP", "qr", "xx-YY-ZZZZZZZZZZ", "ar", "2026-02-30", "Mars/Olympus",
            "../../etc/passwd", "AAAA====", "eyJhIjoxfQ", "null", "H", "Z", "%E2%80%AE", "a".repeat(3000), "1,2",
            "5.5", "NPS", "demo");
    private static final List<String> BAD_SCORES = List.of("\"9\"", "11", "-1", "9.5", "1e1", "null", "true", "[]",
            "{}", "99999999999999999999", "\"\"", "\"nine\"", "10.0000001", "-0.5");
    private static final List<String> BAD_FORM_SCORES = List.of("", "11", "-1", "abc", "5.5", "1e1", "%00", "%ff",
            "10%00", "05", "+5", "5%20", "x".repeat(500));

    private final Random random;
    private final String host;
    private final String campaign;
    private final String adminKey;

    public HostileRequests(long seed, int port, String campaign, String adminKey) {
        this.random = new Random(seed);
        this.host = "127.0.0.1:" + port;
        this.campaign = campaign;
        this.adminKey = adminKey;
    }

    /** One request: what kind it is, its bytes, and a printable form for reports. */
    public record Request(String kind, byte[] bytes) {
        public String printable() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < Math.min(bytes.length, 400); i++) {
                int b = bytes[i] & 0xff;
                if (b == '\r') {
                    s.append("\\r");
                } else if (b == '\n') {
                    s.append("\\n");
                } else if (b < 0x20 || b >= 0x7f) {
                    s.append(String.format("\\x%02x", b));
                } else {
                    s.append((char) b);
                }
            }
            return bytes.length > 400 ? s + "… (" + bytes.length + " bytes)" : s.toString();
        }
    }

    public Request next() {
        return switch (random.nextInt(11)) {
            case 0, 1 -> new Request("json", post("/api/v1/responses", "application/json", badAnswer()));
            case 2 -> new Request("huge", huge());
            case 3 -> new Request("truncated", truncated());
            case 4 -> new Request("utf8", badUtf8());
            case 5 -> new Request("forged", forged());
            case 6 -> new Request("unknown-campaign", unknownCampaign());
            case 7 -> new Request("headers", headerAbuse());
            case 8 -> new Request("request-line", badRequestLine());
            case 9 -> new Request("form", form());
            default -> new Request("random-path", randomPath());
        };
    }

    // ---- answers that must be refused ----

    private String validKey() {
        return "fuzz-" + Long.toHexString(random.nextLong());
    }

    /** A JSON answer with at least one defect that makes it invalid on its own. */
    private byte[] badAnswer() {
        String c = json(campaign);
        String score = String.valueOf(random.nextInt(11));
        String key = json(validKey());
        String channel = "\"API\"";
        String extra = "";
        switch (random.nextInt(16)) {
            case 0 -> score = pick(BAD_SCORES);
            case 1 -> c = pick(List.of("123", "null", "\"\"", "\"DEMO\"", "\"../demo\"", json("x".repeat(65)),
                    "[\"demo\"]", "{\"id\":\"demo\"}"));
            case 2 -> c = json("nope-" + Integer.toHexString(random.nextInt()));
            case 3 -> channel = pick(List.of("\"FAX\"", "3", "null", "\"\"", "[]"));
            case 4 -> key = pick(List.of("null", "\"short\"", "\"has space in it\"", json("k".repeat(101)), "12345678",
                    "\"ключ-ключ-ключ\"", "\"<script>alert(1)</script>\""));
            case 5 -> extra = ",\"" + pick(List.of("foo", "id", "category", "editToken", "suspect", "__proto__"))
                    + "\":1";
            case 6 -> extra = ",\"answeredAt\":" + pick(List.of("\"yesterday\"", "\"2026-13-45T25:61:00Z\"", "[]",
                    "\"2026-12-03\"", "{}"));
            case 7 -> extra = ",\"comment\":" + json("x".repeat(8001 + random.nextInt(3000)));
            case 8 -> extra = ",\"respondent\":" + pick(List.of("\"me\"", "[]", "{\"externalId\":[]}",
                    "{\"email\":{}}", "{\"unknown\":1}"));
            case 9 -> {
                return pick(List.of("", "null", "[]", "\"x\"", "5", "{", "}", "{}", "{\"campaign\"}", "{,}",
                        "[" .repeat(5000), "{\"a\":" .repeat(3000), "\u0000", "{\"campaign\":\"demo\",}"))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 10 -> extra = ",\"score\":" + pick(BAD_SCORES);
            case 11 -> {
                score = "11";
                channel = pick(List.of("\"api\"", "\"Api\"", "\" API\""));
            }
            case 12 -> extra = ",\"locale\":" + pick(List.of("\"x\"", "\"english-please-now\"", "5",
                    json("en-" + "a".repeat(40))));
            case 13 -> extra = ",\"location\":" + json("l".repeat(201)) + ",\"device\":" + json("d".repeat(101));
            case 14 -> {
                String body = "{\"campaign\":" + c + ",\"score\":" + score + ",\"channel\":\"API\",\"idempotencyKey\":"
                        + key + "}";
                // Cut anywhere before the closing brace: never valid JSON.
                return body.substring(0, random.nextInt(body.length() - 1)).getBytes(StandardCharsets.UTF_8);
            }
            default -> score = pick(BAD_SCORES);
        }
        return ("{\"campaign\":" + c + ",\"score\":" + score + ",\"channel\":" + channel + ",\"idempotencyKey\":"
                + key + extra + "}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] huge() {
        return switch (random.nextInt(4)) {
            // Claims 50 MB, sends 64 KB, then EOF.
            case 0 -> concat(head("POST", "/api/v1/responses", "Content-Type: application/json",
                    "Content-Length: 50000000"), ("{\"comment\":\"" + "x".repeat(65_536)).getBytes(StandardCharsets.UTF_8));
            // An honest 200 KB body.
            case 1 -> post("/api/v1/responses", "application/json",
                    ("{\"campaign\":\"demo\",\"score\":11,\"comment\":\"" + "y".repeat(200_000) + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            // Chunked, many chunks, no end.
            case 2 -> concat(head("POST", "/api/v1/responses", "Content-Type: application/json",
                    "Transfer-Encoding: chunked"), ("1000\r\n" + "z".repeat(4096) + "\r\n").repeat(40)
                    .getBytes(StandardCharsets.US_ASCII));
            default -> post(pick(List.of("/s/demo", "/embed/demo", "/kiosk/demo")),
                    "application/x-www-form-urlencoded",
                    ("score=11&key=" + validKey() + "&comment=" + "w".repeat(150_000)).getBytes(StandardCharsets.US_ASCII));
        };
    }

    private byte[] truncated() {
        byte[] body = badAnswer();
        if (random.nextBoolean()) {
            body = ("{\"campaign\":\"demo\",\"score\":" + random.nextInt(11) + ",\"channel\":\"API\",\"idempotencyKey\":\""
                    + validKey() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        int sent = random.nextInt(Math.max(1, body.length));
        byte[] part = java.util.Arrays.copyOf(body, sent);
        return concat(head("POST", random.nextBoolean() ? "/api/v1/responses" : "/s/demo", "Content-Type: application/json",
                "Content-Length: " + (body.length + random.nextInt(1000))), part);
    }

    private byte[] badUtf8() {
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc3, 0x28}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {0}};
        byte[] b = bad[random.nextInt(bad.length)];
        return switch (random.nextInt(5)) {
            case 0 -> post("/api/v1/responses", "application/json", concat(
                    "{\"campaign\":\"demo\",\"score\":11,\"channel\":\"API\",\"idempotencyKey\":\"".getBytes(StandardCharsets.UTF_8),
                    b, "\"}".getBytes(StandardCharsets.UTF_8)));
            case 1 -> post("/api/v1/responses", "application/json", concat(
                    ("{\"campaign\":\"demo\",\"score\":" + random.nextInt(11) + ",\"channel\":\"API\",\"idempotencyKey\":\""
                            + validKey() + "\",\"comment\":\"").getBytes(StandardCharsets.UTF_8), b,
                    "\"}".getBytes(StandardCharsets.UTF_8)));
            case 2 -> concat(("GET /" + pick(List.of("s", "embed", "kiosk", "qr")) + "/").getBytes(StandardCharsets.US_ASCII),
                    b, (" HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            case 3 -> concat(("GET /s/demo HTTP/1.1\r\nHost: " + host + "\r\nAccept-Language: ").getBytes(StandardCharsets.US_ASCII),
                    b, "\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            default -> post(pick(List.of("/s/demo", "/embed/demo", "/kiosk/demo")), "application/x-www-form-urlencoded",
                    concat(("key=" + validKey() + "&score=").getBytes(StandardCharsets.US_ASCII), b));
        };
    }

    private byte[] forged() {
        UUID id = UUID.randomUUID();
        String token = pick(List.of("forged", Long.toHexString(random.nextLong()), "", "a".repeat(5000),
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "../../", id.toString()));
        return switch (random.nextInt(7)) {
            case 0 -> concat(head("PATCH", "/api/v1/responses/" + id, "Content-Type: application/json",
                    "X-Edit-Token: " + token, "Content-Length: 16"), "{\"comment\":\"hi\"}".getBytes(StandardCharsets.UTF_8));
            case 1 -> head("GET", "/api/v1/responses?campaign=demo", "Authorization: Bearer " + token);
            case 2 -> head("GET", "/api/v1/campaigns/demo/summary", "Authorization: " + pick(List.of("Bearer",
                    "Bearer  ", "Basic YWRtaW46YWRtaW4=", "bearer " + adminKey.toUpperCase(), "Bearer " + adminKey + "x",
                    "Bearer " + adminKey.substring(1))));
            case 3 -> head("GET", "/s/demo/followup?r=" + id + "&t=" + token);
            case 4 -> post("/s/demo/followup", "application/x-www-form-urlencoded",
                    ("r=" + id + "&t=" + token + "&comment=hello").getBytes(StandardCharsets.US_ASCII));
            case 5 -> head("GET", "/r/" + pick(List.of(token, id.toString(), "x", "%ff")));
            default -> concat(head("POST", "/api/v1/campaigns", "Content-Type: application/json", "Authorization: Bearer "
                    + token, "Content-Length: 60"), "{\"id\":\"evil\",\"name\":\"e\",\"type\":\"NPS\",\"texts\":{}}            "
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private byte[] unknownCampaign() {
        String id = pick(List.of("nope-" + Integer.toHexString(random.nextInt()), "x".repeat(70), "DEMO", "demo%2f..",
                "-", "0"));
        return switch (random.nextInt(5)) {
            case 0 -> head("GET", pick(List.of("/s/", "/embed/", "/kiosk/")) + id + "?ch=POPUP");
            case 1 -> head("GET", "/qr/" + id + pick(List.of(".svg", ".png", "/poster.pdf")));
            case 2 -> post("/api/v1/responses", "application/json", ("{\"campaign\":" + json(id)
                    + ",\"score\":7,\"channel\":\"API\",\"idempotencyKey\":\"" + validKey() + "\"}").getBytes(StandardCharsets.UTF_8));
            case 3 -> post("/s/" + id, "application/x-www-form-urlencoded",
                    ("score=7&key=" + validKey()).getBytes(StandardCharsets.US_ASCII));
            default -> head("GET", "/api/v1/campaigns/" + id + "/summary", "Authorization: Bearer " + adminKey);
        };
    }

    private byte[] headerAbuse() {
        String path = pick(List.of("/s/demo", "/embed/demo", "/api/v1/responses", "/assets/survey.css", "/qr/demo.svg"));
        byte[] invalid = ("{\"campaign\":\"demo\",\"score\":11,\"channel\":\"API\",\"idempotencyKey\":\"" + validKey() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(16)) {
            case 0 -> head("GET", path, "X-Big: " + "b".repeat(16_000 + random.nextInt(50_000)));
            case 1 -> {
                String[] many = new String[300 + random.nextInt(700)];
                for (int i = 0; i < many.length; i++) {
                    many[i] = "X-H" + i + ": v";
                }
                yield head("GET", path, many);
            }
            case 2 -> head("GET", path, "NoColonHere");
            case 3 -> head("GET", path, "Bad Name: x");
            case 4 -> head("GET", path, "X-Fold: a", " continued");
            case 5 -> head("GET", path, "X-Nul: a\u0000b");
            case 6 -> head("GET", path, "X-Cr: a\rb");
            case 7 -> concat(head("POST", "/api/v1/responses", "Content-Type: application/json", "Content-Length: 5",
                    "Content-Length: " + invalid.length), invalid);
            case 8 -> concat(head("POST", "/api/v1/responses", "Content-Type: application/json", "Content-Length: "
                    + invalid.length, "Transfer-Encoding: chunked"), invalid);
            case 9 -> concat(head("POST", "/api/v1/responses", "Content-Type: application/json",
                    "Transfer-Encoding: chunked"), ("zz\r\n" + new String(invalid, StandardCharsets.UTF_8) + "\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            case 10 -> concat(head("POST", "/api/v1/responses", "Content-Type: application/json",
                    "Content-Length: " + pick(List.of("-1", "abc", "99999999999999999999", "1e3", " 5", "0x10"))), invalid);
            case 11 -> ("GET " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            case 12 -> head("GET", path, "Host: evil.example", "Host: other.example");
            case 13 -> concat(head("POST", "/api/v1/responses", "Content-Type: application/json; charset=" +
                    pick(List.of("latin1", "utf-16", "x-unknown", "")), "Origin: " + pick(List.of("null",
                    "https://evil.example", "javascript:alert(1)", "%ff")), "Content-Length: " + invalid.length), invalid);
            case 14 -> head("GET", path, "Accept-Language: " + "xx-YY;q=0.".repeat(500), "Accept: " + "*/".repeat(2000),
                    "Cookie: " + "c=".repeat(3000));
            default -> head("GET", path, "Expect: 100-continue", "Range: bytes=999999999-",
                    "If-None-Match: " + "\"x\",".repeat(2000), "X-Forwarded-For: 1.2.3.4, " + "%ff".repeat(100));
        };
    }

    private byte[] badRequestLine() {
        return switch (random.nextInt(10)) {
            case 0 -> "GET\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            case 1 -> ("GET /s/demo HTTP/9.9\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            case 2 -> ("FOO /s/demo HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            case 3 -> ("GET  /s/demo  HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            case 4 -> ("GET /" + "u".repeat(20_000 + random.nextInt(40_000)) + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            case 5 -> ("GET http://evil.example/s/demo HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            case 6 -> new byte[]{0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
            case 7 -> {
                byte[] noise = new byte[1 + random.nextInt(2000)];
                random.nextBytes(noise);
                yield noise;
            }
            case 8 -> ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            default -> ("GET /s/demo\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        };
    }

    private byte[] form() {
        String path = pick(List.of("/s/", "/embed/", "/kiosk/")) + campaign;
        String score = pick(BAD_FORM_SCORES);
        String body = switch (random.nextInt(4)) {
            case 0 -> "score=" + score + "&key=" + validKey() + "&ch=" + pick(VALUES) + "&loc=" + pick(VALUES);
            // A valid score with a missing or broken key.
            case 1 -> "score=" + random.nextInt(11) + pick(List.of("", "&key=", "&key=short", "&key=%00%00%00%00%00%00%00%00",
                    "&key=" + "k".repeat(101), "&key=a+b+c+d+e+f+g"));
            case 2 -> "score=" + score + "&score=" + score + "&key=" + validKey() + "&lang=" + pick(VALUES);
            default -> pick(List.of("", "=", "&&&", "%", "score", "key=%zz&score=%zz", "a=" + "%41".repeat(5000)));
        };
        return post(path, pick(List.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain", "")),
                body.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] randomPath() {
        StringBuilder path = new StringBuilder(pick(PREFIXES));
        int segments = random.nextInt(4);
        for (int i = 0; i < segments; i++) {
            path.append('/').append(pick(SEGMENTS));
        }
        if (path.isEmpty()) {
            path.append('/');
        }
        if (random.nextBoolean()) {
            path.append('?');
            int params = 1 + random.nextInt(4);
            for (int i = 0; i < params; i++) {
                path.append(i == 0 ? "" : "&").append(pick(PARAMS)).append('=').append(pick(VALUES));
            }
        }
        String method = pick(List.of("GET", "GET", "GET", "HEAD", "OPTIONS", "DELETE", "PUT", "PATCH", "POST", "TRACE"));
        String target = path.toString().replace(' ', '+').replace("\u202e", "%E2%80%AE").replace("ÆØÅ", "%C3%86");
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE")) {
            // Reads may carry the admin key: they reach the query parsers behind the key check.
            return random.nextBoolean() ? head(method, target, "Authorization: Bearer " + adminKey) : head(method, target);
        }
        return post(method, target, "application/json", badAnswer());
    }

    // ---- building blocks ----

    private byte[] head(String method, String target, String... headers) {
        StringBuilder s = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean hasHost = false;
        for (String h : headers) {
            hasHost |= h.regionMatches(true, 0, "Host:", 0, 5);
        }
        if (!hasHost) {
            s.append("Host: ").append(host).append("\r\n");
        }
        for (String h : headers) {
            s.append(h).append("\r\n");
        }
        s.append("Connection: close\r\n\r\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] post(String path, String contentType, byte[] body) {
        return post("POST", path, contentType, body);
    }

    private byte[] post(String method, String path, String contentType, byte[] body) {
        return concat(head(method, path, "Content-Type: " + contentType, "Content-Length: " + body.length), body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
