package org.tapscore.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
    // The published Standard Webhooks test vector.
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    static WebhookVerifier at(long epochSecond) {
        return WebhookVerifier.create(SECRET, WebhookVerifier.DEFAULT_TOLERANCE,
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    @Test
    void acceptsTheReferenceSignature() {
        WebhookVerifier verifier = at(TIMESTAMP + 60);

        verifier.verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY);
        assertEquals(SIGNATURE, verifier.sign(ID, TIMESTAMP, BODY));
        Map<String, String> headers = Map.of("webhook-id", ID, "webhook-timestamp", Long.toString(TIMESTAMP),
                "webhook-signature", "v1,bm9wZQ== " + SIGNATURE);
        verifier.verify(headers::get, BODY);
    }

    @Test
    void rejectsATamperedBody() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        WebhookVerificationException e = assertThrows(WebhookVerificationException.class,
                () -> at(TIMESTAMP).verify(ID, Long.toString(TIMESTAMP), SIGNATURE, tampered));
        assertTrue(e.getMessage().contains("no webhook-signature matches"), e.getMessage());
        assertFalse(at(TIMESTAMP).isValid("msg_other", Long.toString(TIMESTAMP), SIGNATURE, BODY));
    }

    @Test
    void rejectsAWrongSecret() {
        WebhookVerifier other = WebhookVerifier.create("whsec_" + java.util.Base64.getEncoder()
                .encodeToString("another secret entirely".getBytes(StandardCharsets.UTF_8)),
                WebhookVerifier.DEFAULT_TOLERANCE, Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC));

        assertFalse(other.isValid(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY));
    }

    @Test
    void rejectsAnOldOrFutureTimestampEvenWhenSigned() {
        assertTrue(at(TIMESTAMP + 300).isValid(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY), "5 minutes is fine");
        WebhookVerificationException old = assertThrows(WebhookVerificationException.class,
                () -> at(TIMESTAMP + 301).verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY));
        assertTrue(old.getMessage().contains("stale"), old.getMessage());
        assertFalse(at(TIMESTAMP - 301).isValid(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY));

        WebhookVerifier lenient = WebhookVerifier.create(SECRET, Duration.ofHours(1),
                Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 1800), ZoneOffset.UTC));
        assertTrue(lenient.isValid(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY));
    }

    @Test
    void rejectsMissingOrMalformedHeaders() {
        WebhookVerifier verifier = at(TIMESTAMP);
        assertFalse(verifier.isValid(null, Long.toString(TIMESTAMP), SIGNATURE, BODY));
        assertFalse(verifier.isValid(ID, "yesterday", SIGNATURE, BODY));
        assertFalse(verifier.isValid(ID, Long.toString(TIMESTAMP), "v2," + SIGNATURE.substring(3), BODY));
        assertFalse(verifier.isValid(ID, Long.toString(TIMESTAMP), "v1,not base64!", BODY));
        assertThrows(IllegalArgumentException.class, () -> WebhookVerifier.create("whsec_"));
    }
}
