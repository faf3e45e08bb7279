package org.tapscore.sdk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer to record with {@link TapscoreClient#record(RecordRequest)} or to queue with
 * {@link Outbox#recordLater(RecordRequest)}. The score is checked when the request is built, so an out-of-range
 * value fails right there with an {@link InvalidRequestException}.
 *
 * <pre>{@code
 * RecordRequest answer = RecordRequest.builder("after-order", 9)
 *         .comment("Fast delivery")
 *         .respondent(Respondent.of("cust-1042"))
 *         .build();
 * }</pre>
 *
 * <p>Without an explicit {@link Builder#idempotencyKey(String) idempotency key} the client makes one per call,
 * before the first attempt, so retries of that call never store the answer twice.
 */
public final class RecordRequest {
    static final int MAX_COMMENT = 2000;
    static final int MAX_KEY = 100;

    private final String campaign;
    private final int score;
    private final Channel channel;
    private final String comment;
    private final String locale;
    private final String location;
    private final String device;
    private final String invitation;
    private final Instant answeredAt;
    private final Respondent respondent;
    private final String idempotencyKey;

    private RecordRequest(Builder b) {
        this.campaign = b.campaign;
        this.score = b.score;
        this.channel = b.channel;
        this.comment = b.comment;
        this.locale = b.locale;
        this.location = b.location;
        this.device = b.device;
        this.invitation = b.invitation;
        this.answeredAt = b.answeredAt;
        this.respondent = b.respondent;
        this.idempotencyKey = b.idempotencyKey;
    }

    /** Starts an answer of {@code score} (0–10) to {@code campaign}. */
    public static Builder builder(String campaign, int score) {
        return new Builder(campaign, score);
    }

    public String campaign() {
        return campaign;
    }

    public int score() {
        return score;
    }

    public Channel channel() {
        return channel;
    }

    public String comment() {
        return comment;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Respondent respondent() {
        return respondent;
    }

    /** The caller's idempotency key, or {@code null} to let the client make one. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The contract's body of {@code POST /api/v1/responses}: exactly its fields, absent ones left out. */
    Map<String, Object> body(String key, Instant answeredAtDefault) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaign", campaign);
        body.put("score", score);
        body.put("channel", channel.name());
        body.put("idempotencyKey", key);
        putIfPresent(body, "comment", comment);
        putIfPresent(body, "locale", locale);
        putIfPresent(body, "location", location);
        putIfPresent(body, "device", device);
        putIfPresent(body, "invitation", invitation);
        putIfPresent(body, "answeredAt", answeredAt != null ? answeredAt : answeredAtDefault);
        putIfPresent(body, "respondent", respondent);
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    /** Builds a {@link RecordRequest}; every setter is optional. */
    public static final class Builder {
        private final String campaign;
        private final int score;
        private Channel channel = Channel.SDK;
        private String comment;
        private String locale;
        private String location;
        private String device;
        private String invitation;
        private Instant answeredAt;
        private Respondent respondent;
        private String idempotencyKey;

        private Builder(String campaign, int score) {
            this.campaign = campaign;
            this.score = score;
        }

        /** The free-text comment (at most 2,000 characters). */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /** Where the answer came from; {@link Channel#SDK} unless set. */
        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /** The language the question was shown in, such as {@code "da"}. */
        public Builder locale(String locale) {
            this.locale = locale;
            return this;
        }

        /** A free label for where the answer was given, such as a store. */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** The id of the kiosk the answer was given on. */
        public Builder device(String device) {
            this.device = device;
            return this;
        }

        /** The invitation token, when the answer belongs to an invitation. */
        public Builder invitation(String invitation) {
            this.invitation = invitation;
            return this;
        }

        /** When the respondent answered; the server's receive time unless set (the outbox sets it at queueing). */
        public Builder answeredAt(Instant answeredAt) {
            this.answeredAt = answeredAt;
            return this;
        }

        /** Who answered. */
        public Builder respondent(Respondent respondent) {
            this.respondent = respondent;
            return this;
        }

        /** Your own idempotency key (at most 100 characters), for example an order id; repeats store nothing new. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** Checks the answer and builds it; throws {@link InvalidRequestException} saying which field is wrong. */
        public RecordRequest build() {
            Checks.campaign(campaign);
            if (score < 0 || score > 10) {
                throw Checks.invalid("score", "must be a whole number from 0 to 10, was " + score);
            }
            if (channel == null) {
                throw Checks.invalid("channel", "is missing");
            }
            Checks.maxCodePoints("comment", comment, MAX_COMMENT);
            if (idempotencyKey != null) {
                Checks.notBlank("idempotencyKey", idempotencyKey);
                Checks.maxCodePoints("idempotencyKey", idempotencyKey, MAX_KEY);
            }
            if (respondent != null) {
                Checks.notBlank("respondent.externalId", respondent.externalId());
            }
            return new RecordRequest(this);
        }
    }
}
