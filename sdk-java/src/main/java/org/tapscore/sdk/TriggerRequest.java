package org.tapscore.sdk;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An invitation to make with {@link TapscoreClient#trigger(TriggerRequest)}: ask one respondent about one
 * campaign (touchpoint) by email, SMS or a personal link, now, at {@code sendAt} or after a {@code delay}.
 *
 * <pre>{@code
 * TriggerRequest ask = TriggerRequest.builder("after-order",
 *                 Respondent.of("cust-1042").withEmail("anna@example.com"), Channel.EMAIL)
 *         .delay(Duration.ofDays(3))
 *         .build();
 * }</pre>
 */
public final class TriggerRequest {
    private final String campaign;
    private final Respondent respondent;
    private final Channel channel;
    private final Instant sendAt;
    private final Duration delay;
    private final String idempotencyKey;

    private TriggerRequest(Builder b) {
        this.campaign = b.campaign;
        this.respondent = b.respondent;
        this.channel = b.channel;
        this.sendAt = b.sendAt;
        this.delay = b.delay;
        this.idempotencyKey = b.idempotencyKey;
    }

    /** Starts an invitation; {@code channel} is {@link Channel#EMAIL}, {@link Channel#SMS} or {@link Channel#LINK}. */
    public static Builder builder(String campaign, Respondent respondent, Channel channel) {
        return new Builder(campaign, respondent, channel);
    }

    public String campaign() {
        return campaign;
    }

    public Respondent respondent() {
        return respondent;
    }

    public Channel channel() {
        return channel;
    }

    /** The caller's idempotency key, or {@code null} to let the client make one. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The contract's body of {@code POST /api/v1/invitations}. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaign", campaign);
        body.put("respondent", respondent);
        body.put("channel", channel.name());
        if (sendAt != null) {
            body.put("sendAt", sendAt);
        }
        if (delay != null) {
            body.put("delay", isoDuration(delay));
        }
        return body;
    }

    /** Whole days as {@code P3D} (what people write and every ISO-8601 parser reads), the rest as {@code PT…}. */
    static String isoDuration(Duration delay) {
        if (!delay.isZero() && delay.toSeconds() % 86_400 == 0 && delay.getNano() == 0) {
            return "P" + delay.toDays() + "D";
        }
        return delay.toString();
    }

    /** Builds a {@link TriggerRequest}. */
    public static final class Builder {
        private final String campaign;
        private final Respondent respondent;
        private final Channel channel;
        private Instant sendAt;
        private Duration delay;
        private String idempotencyKey;

        private Builder(String campaign, Respondent respondent, Channel channel) {
            this.campaign = campaign;
            this.respondent = respondent;
            this.channel = channel;
        }

        /** Send at this instant instead of now. */
        public Builder sendAt(Instant sendAt) {
            this.sendAt = sendAt;
            return this;
        }

        /** Send after this delay (from the moment the server receives the request) instead of now. */
        public Builder delay(Duration delay) {
            this.delay = delay;
            return this;
        }

        /** Your own idempotency key (at most 100 characters); the client makes one per call unless set. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** Checks the invitation and builds it; throws {@link InvalidRequestException} saying what is wrong. */
        public TriggerRequest build() {
            Checks.campaign(campaign);
            if (respondent == null) {
                throw Checks.invalid("respondent", "is missing: pass Respondent.of(yourCustomerId)");
            }
            Checks.notBlank("respondent.externalId", respondent.externalId());
            if (channel == null || !channel.isInvitationChannel()) {
                throw Checks.invalid("channel", "must be EMAIL, SMS or LINK, was " + channel);
            }
            if (sendAt != null && delay != null) {
                throw Checks.invalid("delay", "give either sendAt or delay, not both");
            }
            if (delay != null && delay.isNegative()) {
                throw Checks.invalid("delay", "must not be negative, was " + delay);
            }
            if (idempotencyKey != null) {
                Checks.notBlank("idempotencyKey", idempotencyKey);
                Checks.maxCodePoints("idempotencyKey", idempotencyKey, RecordRequest.MAX_KEY);
            }
            return new TriggerRequest(this);
        }
    }
}
