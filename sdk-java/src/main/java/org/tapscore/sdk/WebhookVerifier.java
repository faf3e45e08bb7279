package org.tapscore.sdk;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that an alert webhook really comes from your Tapscore server, the Standard Webhooks way: the headers
 * {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature}
 * ({@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, several separated by spaces during a key rotation).
 * Signatures are compared in constant time, and a timestamp further than the tolerance (5 minutes unless set) from
 * now is refused, so a captured request cannot be replayed later.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.create(System.getenv("TAPSCORE_WEBHOOK_SECRET")); // "whsec_…"
 *
 * // in your HTTP handler, with the raw body bytes exactly as received:
 * verifier.verify(request::getHeader, body);   // throws WebhookVerificationException if forged or stale
 * }</pre>
 *
 * <p>Verify the raw bytes before parsing them: re-serialised JSON would not match the signature. Thread-safe.
 */
public final class WebhookVerifier {
    /** The default allowed distance between the webhook's timestamp and now. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String PREFIX = "whsec_";

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;

    private WebhookVerifier(byte[] key, Duration tolerance, Clock clock) {
        this.key = key;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** A verifier for the secret shown with the alert rule ({@code whsec_<base64>}), with a 5 minute tolerance. */
    public static WebhookVerifier create(String secret) {
        return new WebhookVerifier(decodeSecret(secret), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /** A verifier with its own timestamp tolerance and clock. */
    public static WebhookVerifier create(String secret, Duration tolerance, Clock clock) {
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative, was " + tolerance);
        }
        return new WebhookVerifier(decodeSecret(secret), tolerance, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Verifies a webhook from its headers, looked up by name (for example {@code request::getHeader} or
     * {@code name -> exchange.getRequestHeaders().getFirst(name)}).
     *
     * @throws WebhookVerificationException when a header is missing, the timestamp is outside the tolerance or no
     *     signature matches
     */
    public void verify(Function<String, String> headers, byte[] body) {
        verify(headers.apply("webhook-id"), headers.apply("webhook-timestamp"), headers.apply("webhook-signature"),
                body);
    }

    /**
     * Verifies a webhook from the values of its three headers and its raw body.
     *
     * @throws WebhookVerificationException when a value is missing, the timestamp is outside the tolerance or no
     *     signature matches
     */
    public void verify(String id, String timestamp, String signatures, byte[] body) {
        if (id == null || id.isBlank() || timestamp == null || signatures == null || body == null) {
            throw new WebhookVerificationException(
                    "missing webhook-id, webhook-timestamp or webhook-signature header, or body");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("webhook-timestamp is not Unix seconds: " + timestamp);
        }
        Instant sentAt = Instant.ofEpochSecond(seconds);
        Duration age = Duration.between(sentAt, clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw new WebhookVerificationException("webhook-timestamp " + sentAt + " is more than " + tolerance
                    + " from now: refusing a stale or replayed webhook");
        }
        byte[] expected = hmac(id, timestamp.trim(), body);
        boolean matched = false;
        for (String candidate : signatures.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            // Constant time, and no early exit: timing must not tell which signature came close.
            matched |= MessageDigest.isEqual(expected, given);
        }
        if (!matched) {
            throw new WebhookVerificationException("no webhook-signature matches: wrong secret or altered body");
        }
    }

    /** {@link #verify(String, String, String, byte[])} as a yes/no answer. */
    public boolean isValid(String id, String timestamp, String signatures, byte[] body) {
        try {
            verify(id, timestamp, signatures, body);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    /** The {@code webhook-signature} value for a message, as the server makes it; handy in your own tests. */
    public String sign(String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(id, Long.toString(timestamp), body));
    }

    private byte[] hmac(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] decodeSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("webhook secret is missing: copy it (whsec_…) from the alert rule");
        }
        String encoded = secret.strip();
        if (encoded.startsWith(PREFIX)) {
            encoded = encoded.substring(PREFIX.length());
        }
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            if (key.length == 0) {
                throw new IllegalArgumentException("webhook secret is empty");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook secret must be whsec_ followed by base64: " + e.getMessage(), e);
        }
    }
}
