package org.tapscore.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The Tapscore API client: invite respondents, record answers, read summaries and answers, manage respondents.
 *
 * <pre>{@code
 * TapscoreClient tapscore = TapscoreClient.builder()
 *         .baseUrl("https://tapscore.example.com")
 *         .apiKey(System.getenv("TAPSCORE_API_KEY"))
 *         .build();
 *
 * Invitation invitation = tapscore.trigger(TriggerRequest.builder("after-order",
 *         Respondent.of("cust-1042").withEmail("anna@example.com"), Channel.EMAIL).build());
 * RecordedResponse answer = tapscore.record(RecordRequest.builder("after-order", 9).build());
 * Summary lastMonth = tapscore.summary("after-order", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31),
 *         ZoneId.of("Europe/Copenhagen"));
 * }</pre>
 *
 * <p>A client is immutable and thread-safe: build one and share it. Every call is retried on I/O errors, 408,
 * non-final 409, 429 and 5xx as described in {@link Builder#maxRetries(int)}; every failure is a
 * {@link TapscoreException}. Each {@code …Async} method runs its call on the client's executor and returns a
 * {@link CompletableFuture} that completes with the same result or exception.
 */
public final class TapscoreClient {
    private static final String USER_AGENT = "tapscore-java/" + Objects.requireNonNullElse(
            TapscoreClient.class.getPackage().getImplementationVersion(), "dev");

    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final Transport transport;
    private final ObjectMapper json;
    private final Clock clock;
    private final Supplier<String> idempotencyKeys;
    private final Executor executor;

    private TapscoreClient(Builder b, String baseUrl) {
        this.baseUrl = baseUrl;
        this.apiKey = b.apiKey;
        this.timeout = b.timeout;
        this.json = Json.mapper();
        this.clock = b.clock;
        this.idempotencyKeys = b.idempotencyKeys;
        this.executor = b.executor != null ? b.executor : DefaultExecutor.INSTANCE;
        Transport base = b.transport != null ? b.transport : JdkHttpTransport.create(b.connectTimeout);
        this.transport = new RetryingTransport(base, json, b.maxRetries, b.initialBackoff, b.maxBackoff,
                b.maxRetryAfter, b.sleeper, b.clock, b.random);
    }

    /** Starts configuring a client; {@code baseUrl} and {@code apiKey} are required. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- invitations -------------------------------------------------------------------------------------------

    /**
     * Invites a respondent: {@code POST /api/v1/invitations}. The returned {@link Invitation} carries the token,
     * the personal URL and ready-made email HTML, SMS text and QR SVG.
     *
     * @throws FatigueException when the respondent was asked too recently; see {@link FatigueException#nextAllowedAt()}
     */
    public Invitation trigger(TriggerRequest request) {
        Objects.requireNonNull(request, "request");
        String key = request.idempotencyKey() != null ? request.idempotencyKey() : idempotencyKeys.get();
        return call("POST", "/api/v1/invitations", request.body(), Map.of("Idempotency-Key", key), Invitation.class);
    }

    /** {@link #trigger(TriggerRequest)} on the client's executor. */
    public CompletableFuture<Invitation> triggerAsync(TriggerRequest request) {
        return async(() -> trigger(request));
    }

    // ---- answers -----------------------------------------------------------------------------------------------

    /**
     * Records an answer: {@code POST /api/v1/responses}. The idempotency key is fixed before the first attempt, so a
     * retry after a lost answer returns the response stored by the earlier attempt instead of storing a second one.
     */
    public RecordedResponse record(RecordRequest request) {
        Objects.requireNonNull(request, "request");
        String key = request.idempotencyKey() != null ? request.idempotencyKey() : idempotencyKeys.get();
        return deliver(recordBody(request, key, null));
    }

    /** Records a bare score (0–10) with channel {@code SDK}; see {@link #record(RecordRequest)}. */
    public RecordedResponse record(String campaign, int score) {
        return record(RecordRequest.builder(campaign, score).build());
    }

    /** {@link #record(RecordRequest)} on the client's executor. */
    public CompletableFuture<RecordedResponse> recordAsync(RecordRequest request) {
        return async(() -> record(request));
    }

    /**
     * Attaches (or replaces) the comment of a recorded answer: {@code PATCH /api/v1/responses/{id}} with the
     * response's {@code editToken}.
     *
     * <pre>{@code
     * RecordedResponse answer = client.record("after-order", 4);
     * // … later, when the customer has typed a reason:
     * client.attachComment(answer.id(), answer.editToken(), "The parcel came late");
     * }</pre>
     */
    public RecordedResponse attachComment(UUID responseId, String editToken, String comment) {
        Objects.requireNonNull(responseId, "responseId");
        Checks.notBlank("editToken", editToken);
        Checks.maxCodePoints("comment", comment, RecordRequest.MAX_COMMENT);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("comment", comment);
        return call("PATCH", "/api/v1/responses/" + responseId, body, Map.of("X-Edit-Token", editToken),
                RecordedResponse.class);
    }

    /** {@link #attachComment(UUID, String, String)} on the client's executor. */
    public CompletableFuture<RecordedResponse> attachCommentAsync(UUID responseId, String editToken, String comment) {
        return async(() -> attachComment(responseId, editToken, comment));
    }

    /**
     * Opens a durable {@link Outbox} in {@code dir} that delivers answers through this client in the background,
     * surviving crashes and restarts. Close it when the application stops.
     */
    public Outbox outbox(Path dir) {
        return Outbox.open(dir, this);
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /**
     * The score summary of a campaign: {@code GET /api/v1/campaigns/{id}/summary}. {@code from} and {@code to} are
     * inclusive days counted in {@code zone}; any of the three may be {@code null} for the server's default.
     */
    public Summary summary(String campaign, LocalDate from, LocalDate to, ZoneId zone) {
        Checks.campaign(campaign);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("from", from == null ? null : from.toString());
        query.put("to", to == null ? null : to.toString());
        query.put("tz", zone == null ? null : zone.getId());
        return call("GET", "/api/v1/campaigns/" + segment(campaign) + "/summary" + query(query), null, Map.of(),
                Summary.class);
    }

    /** {@link #summary(String, LocalDate, LocalDate, ZoneId)} on the client's executor. */
    public CompletableFuture<Summary> summaryAsync(String campaign, LocalDate from, LocalDate to, ZoneId zone) {
        return async(() -> summary(campaign, from, to, zone));
    }

    /** One page of a campaign's answers: {@code GET /api/v1/responses}; {@code cursor} is {@code null} for the first. */
    public ResponsePage responsesPage(String campaign, int limit, String cursor) {
        Checks.campaign(campaign);
        if (limit < 1) {
            throw Checks.invalid("limit", "must be 1 or more, was " + limit);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("campaign", campaign);
        query.put("limit", Integer.toString(limit));
        query.put("cursor", cursor);
        return call("GET", "/api/v1/responses" + query(query), null, Map.of(), ResponsePage.class);
    }

    /** {@link #responsesPage(String, int, String)} on the client's executor. */
    public CompletableFuture<ResponsePage> responsesPageAsync(String campaign, int limit, String cursor) {
        return async(() -> responsesPage(campaign, limit, cursor));
    }

    /** All answers of a campaign in pages of 100, fetched lazily; see {@link PagedResponses}. */
    public PagedResponses responses(String campaign) {
        return responses(campaign, 100);
    }

    /** All answers of a campaign in pages of {@code pageSize}, fetched lazily; see {@link PagedResponses}. */
    public PagedResponses responses(String campaign, int pageSize) {
        Checks.campaign(campaign);
        if (pageSize < 1) {
            throw Checks.invalid("limit", "must be 1 or more, was " + pageSize);
        }
        return new PagedResponses((cursor, limit) -> responsesPage(campaign, limit, cursor), pageSize);
    }

    // ---- respondents -------------------------------------------------------------------------------------------

    /** A respondent's profile, average rating and answer history: {@code GET /api/v1/respondents/{externalId}}. */
    public RespondentProfile respondent(String externalId) {
        Checks.notBlank("externalId", externalId);
        return call("GET", "/api/v1/respondents/" + segment(externalId), null, Map.of(), RespondentProfile.class);
    }

    /** {@link #respondent(String)} on the client's executor. */
    public CompletableFuture<RespondentProfile> respondentAsync(String externalId) {
        return async(() -> respondent(externalId));
    }

    /** Erases a respondent and their personal data: {@code DELETE /api/v1/respondents/{externalId}}. */
    public void eraseRespondent(String externalId) {
        Checks.notBlank("externalId", externalId);
        call("DELETE", "/api/v1/respondents/" + segment(externalId), null, Map.of(), Void.class);
    }

    /** {@link #eraseRespondent(String)} on the client's executor. */
    public CompletableFuture<Void> eraseRespondentAsync(String externalId) {
        return async(() -> {
            eraseRespondent(externalId);
            return null;
        });
    }

    // ---- internals shared with the outbox ----------------------------------------------------------------------

    Clock clock() {
        return clock;
    }

    String newIdempotencyKey() {
        return idempotencyKeys.get();
    }

    byte[] recordBody(RecordRequest request, String key, Instant answeredAt) {
        try {
            return json.writeValueAsBytes(request.body(key, answeredAt));
        } catch (JsonProcessingException e) {
            throw new TapscoreException("cannot write the answer as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Posts a finished {@code POST /api/v1/responses} body; the outbox sends its journaled bodies through here. */
    RecordedResponse deliver(byte[] body) {
        return exchange("POST", "/api/v1/responses", body, Map.of(), RecordedResponse.class);
    }

    ObjectMapper json() {
        return json;
    }

    private <T> T call(String method, String path, Object body, Map<String, String> headers, Class<T> type) {
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = json.writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new TapscoreException("cannot write the request as JSON: " + e.getOriginalMessage(), e);
            }
        }
        return exchange(method, path, bytes, headers, type);
    }

    private <T> T exchange(String method, String path, byte[] body, Map<String, String> extraHeaders, Class<T> type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + apiKey);
        headers.put("Accept", "application/json, application/problem+json");
        headers.put("User-Agent", USER_AGENT);
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(extraHeaders);
        Transport.Request request = new Transport.Request(method, URI.create(baseUrl + path), headers, body, timeout);
        Transport.Response response;
        try {
            response = transport.send(request);
        } catch (IOException e) {
            throw new NetworkException(method + " " + path + " failed without an answer: " + e, 0, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException(method + " " + path + " was interrupted", 0, null, null, e);
        }
        String requestId = response.header("X-Request-Id").orElse(null);
        if (response.status() < 200 || response.status() > 299) {
            throw Errors.from(method + " " + path, response, requestId, json, clock);
        }
        if (type == Void.class || response.body().length == 0) {
            return null;
        }
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new TapscoreException("unexpected answer to " + method + " " + path + ": " + e.getMessage(),
                    response.status(), null, requestId, e);
        }
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> {
            if (value != null) {
                query.append(query.length() == 0 ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** The thread's own {@code ThreadLocalRandom} on every call: safe to share between threads, unlike most generators. */
    private enum ThreadLocalJitter implements RandomGenerator {
        INSTANCE;

        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }

        @Override
        public double nextDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }
    }

    /** Daemon threads, so pending async calls never keep an application from exiting; idle threads go away. */
    private static final class DefaultExecutor {
        static final ExecutorService INSTANCE = Executors.newCachedThreadPool(new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
                Thread thread = new Thread(task, "tapscore-async-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }
        });
    }

    /**
     * Configures a {@link TapscoreClient}. Only {@link #baseUrl(String)} and {@link #apiKey(String)} are required.
     *
     * <pre>{@code
     * TapscoreClient client = TapscoreClient.builder()
     *         .baseUrl("https://tapscore.example.com")
     *         .apiKey(apiKey)
     *         .timeout(Duration.ofSeconds(10))
     *         .maxRetries(5)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private String baseUrl;
        private String apiKey;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Transport transport;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random;
        private Executor executor;
        private Supplier<String> idempotencyKeys = () -> UUID.randomUUID().toString();

        private Builder() {
        }

        /** The address of your Tapscore server, such as {@code https://tapscore.example.com}. Required. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** An API key made under Admin → API keys. Required. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** How long one attempt may wait for its answer; 30 seconds unless set. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** How long the default transport waits for a connection; 10 seconds unless set. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * How many times a failed call is repeated (3 unless set; 0 disables retries). A call is retried on I/O
         * errors and timeouts, 408, 409 unless its problem code is final (such as {@code fatigue}), 429 and 5xx.
         * The wait before retry {@code n} is the server's {@code Retry-After} when given, else
         * {@code random × min(maxBackoff, initialBackoff × 2^(n−1))} ("full jitter").
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The backoff window of the first retry, doubled for each further retry; 500 ms unless set. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /** The largest backoff window; 8 seconds unless set. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** A longer {@code Retry-After} than this (60 seconds unless set) ends the retries at once. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /** Sends the HTTP requests; {@link JdkHttpTransport} unless set. The client adds its retries around it. */
        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        /** Waits between retries; {@link Sleeper#SYSTEM} unless set. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** The clock for HTTP-date {@code Retry-After} values and the outbox's {@code answeredAt}; UTC system clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The random source of the backoff jitter ({@code nextDouble()} is used); {@code ThreadLocalRandom} unless set. */
        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** Runs the {@code …Async} calls; a shared pool of daemon threads unless set. */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** Makes the idempotency keys of calls that do not bring their own; random UUIDs unless set. */
        public Builder idempotencyKeys(Supplier<String> idempotencyKeys) {
            this.idempotencyKeys = idempotencyKeys;
            return this;
        }

        /** Checks the settings and builds the client; throws {@link IllegalStateException} saying what to fix. */
        public TapscoreClient build() {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new IllegalStateException("baseUrl is missing: pass the address of your Tapscore server, "
                        + "for example .baseUrl(\"https://tapscore.example.com\")");
            }
            String base = baseUrl.strip();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            URI uri;
            try {
                uri = URI.create(base);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("baseUrl is not a valid address: " + e.getMessage(), e);
            }
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalStateException("baseUrl must be an http:// or https:// address without query, "
                        + "such as https://tapscore.example.com; was \"" + baseUrl + "\"");
            }
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalStateException("apiKey is missing: pass the key from Admin → API keys");
            }
            requirePositive("timeout", timeout);
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("initialBackoff", initialBackoff);
            requirePositive("maxBackoff", maxBackoff);
            if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
                throw new IllegalStateException("maxRetryAfter must be zero or more, was " + maxRetryAfter);
            }
            if (maxRetries < 0) {
                throw new IllegalStateException("maxRetries must be 0 (no retries) or more, was " + maxRetries);
            }
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
            if (random == null) {
                random = ThreadLocalJitter.INSTANCE;
            }
            return new TapscoreClient(this, base);
        }

        private static void requirePositive(String name, Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalStateException(name + " must be longer than zero, was " + value);
            }
        }
    }
}
