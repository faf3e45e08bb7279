package org.tapscore.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tapscore.sdk.Channel;
import org.tapscore.sdk.Outbox;
import org.tapscore.sdk.RecordRequest;
import org.tapscore.sdk.TapscoreClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The kiosk runtime: serves the kiosk view from a local copy, journals every answer durably (the SDK's
 * {@link Outbox} forces it to disk) before forwarding it, keeps a full-screen Chromium on the view, sends the
 * device's heartbeat and refreshes the view whenever the server answers.
 *
 * <pre>{@code
 * try (KioskRuntime kiosk = KioskRuntime.start(KioskOptions.parse("--server", "https://tapscore.example",
 *         "--device", token))) {
 *     kiosk.awaitStopped();
 * }
 * }</pre>
 */
public final class KioskRuntime implements AutoCloseable {
    public static final String VERSION = "tapscore-kiosk 0.1";
    private static final Logger LOG = Logger.getLogger(KioskRuntime.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HEARTBEAT_EVERY = Duration.ofMinutes(1);
    private static final Duration VIEW_REFRESH_EVERY = Duration.ofMinutes(5);

    private final KioskOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path stateFile;
    private final String campaign;
    private final ViewCache view;
    private final Outbox outbox;
    private final LocalServer local;
    private final BrowserSupervisor browser;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kiosk-timers");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant lastSync;
    private volatile boolean serverReachable;
    private volatile int pageQueue;

    private KioskRuntime(KioskOptions options) throws IOException {
        this.options = options;
        Files.createDirectories(options.data());
        this.stateFile = options.data().resolve("state.properties");
        Properties state = readState();
        this.lastSync = parseInstant(state.getProperty("lastSync"));
        this.campaign = campaign(options, state);
        TapscoreClient client = TapscoreClient.builder()
                .baseUrl(options.server().toString())
                // The SDK sends its key as a bearer token; the server identifies kiosks by the token in the body.
                .apiKey(options.device())
                .timeout(Duration.ofSeconds(15))
                .maxRetries(2)
                .build();
        this.outbox = Outbox.builder(options.data().resolve("outbox"), client)
                .retryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .onDelivered(response -> synced())
                .open();
        this.view = new ViewCache(options.data().resolve("view"), options.server(), options.device(), http);
        this.local = new LocalServer(options.port(), view, () -> campaign, this::journal, this::status,
                depth -> pageQueue = depth);
        this.browser = options.browser()
                ? new BrowserSupervisor(options.chromium(), "http://127.0.0.1:" + local.port() + "/kiosk/" + campaign,
                        options.data(), options.headless(), options.browserArgs())
                : null;
        timers.scheduleWithFixedDelay(this::heartbeat, 0, HEARTBEAT_EVERY.toSeconds(), TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(this::refreshView, 0, VIEW_REFRESH_EVERY.toSeconds(), TimeUnit.SECONDS);
        LOG.info("Kiosk for campaign " + campaign + " on http://127.0.0.1:" + local.port() + "/kiosk/" + campaign);
    }

    public static KioskRuntime start(KioskOptions options) throws IOException {
        return new KioskRuntime(options);
    }

    public int port() {
        return local.port();
    }

    public String campaign() {
        return campaign;
    }

    /** Answers journaled here and not yet delivered to the server. */
    public int pending() {
        return outbox.pending();
    }

    private void journal(JsonNode answer) {
        String key = text(answer, "idempotencyKey");
        if (!campaign.equals(text(answer, "campaign"))) {
            throw new IllegalArgumentException("this kiosk takes answers for campaign " + campaign + " only");
        }
        if (key == null || !key.matches("[A-Za-z0-9._:-]{8,100}")) {
            throw new IllegalArgumentException("idempotencyKey must be 8–100 of A-Z a-z 0-9 . _ : -");
        }
        JsonNode score = answer.get("score");
        if (score == null || !score.isInt() || score.asInt() < 0 || score.asInt() > 10) {
            throw new IllegalArgumentException("score must be a whole number from 0 to 10");
        }
        Instant answeredAt = parseInstant(text(answer, "answeredAt"));
        if (answeredAt == null) {
            throw new IllegalArgumentException("answeredAt must be an ISO-8601 instant");
        }
        RecordRequest.Builder request = RecordRequest.builder(campaign, score.asInt())
                .channel(Channel.KIOSK)
                .device(options.device())
                .idempotencyKey(key)
                .answeredAt(answeredAt);
        String locale = text(answer, "locale");
        if (locale != null && locale.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            request.locale(locale);
        }
        String comment = text(answer, "comment");
        if (comment != null && !comment.isBlank()) {
            request.comment(comment);
        }
        try {
            outbox.recordLater(request.build());
        } catch (org.tapscore.sdk.InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("campaign", campaign);
        status.put("pending", outbox.pending());
        status.put("pageQueue", pageQueue);
        status.put("lastSync", lastSync == null ? null : lastSync.toString());
        status.put("serverReachable", serverReachable);
        status.put("browserPid", browser == null ? -1 : browser.pid());
        status.put("browserStarts", browser == null ? 0 : browser.starts());
        status.put("devtoolsPort", browser == null ? -1 : browser.devtoolsPort());
        status.put("version", VERSION);
        return status;
    }

    private void heartbeat() {
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("device", options.device());
            body.put("queueDepth", outbox.pending() + pageQueue);
            if (lastSync != null) {
                body.put("lastSync", lastSync.toString());
            }
            body.put("version", VERSION);
            HttpResponse<String> res = postJson("/api/v1/devices/heartbeat", JSON.writeValueAsString(body));
            boolean wasReachable = serverReachable;
            serverReachable = res.statusCode() == 200;
            if (serverReachable && !wasReachable) {
                refreshView();
            }
        } catch (IOException | RuntimeException e) {
            serverReachable = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refreshView() {
        if (view.refresh(campaign)) {
            serverReachable = true;
        }
    }

    private void synced() {
        lastSync = Instant.now();
        serverReachable = true;
        writeState();
    }

    private HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(options.server() + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The campaign from the options, else from the server (the device's own), else the one used last time. */
    private String campaign(KioskOptions options, Properties state) {
        if (options.campaign() != null) {
            state.setProperty("campaign", options.campaign());
            writeState(state);
            return options.campaign();
        }
        while (true) {
            try {
                HttpResponse<String> res = postJson("/api/v1/devices/heartbeat",
                        JSON.writeValueAsString(Map.of("device", options.device(), "version", VERSION)));
                if (res.statusCode() == 200) {
                    String learned = JSON.readTree(res.body()).path("campaign").asText();
                    state.setProperty("campaign", learned);
                    writeState(state);
                    return learned;
                }
                LOG.warning("The server refused the device token (" + res.statusCode() + "): " + res.body());
            } catch (IOException e) {
                LOG.fine("Server not reachable: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while learning the campaign", e);
            }
            String remembered = state.getProperty("campaign");
            if (remembered != null) {
                return remembered;
            }
            LOG.info("Waiting for the server to learn this device's campaign (or pass --campaign)");
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while learning the campaign", e);
            }
        }
    }

    private Properties readState() {
        Properties state = new Properties();
        if (Files.exists(stateFile)) {
            try (var in = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
                state.load(in);
            } catch (IOException e) {
                LOG.warning("Could not read " + stateFile + ": " + e);
            }
        }
        return state;
    }

    private void writeState() {
        Properties state = readState();
        state.setProperty("campaign", campaign);
        if (lastSync != null) {
            state.setProperty("lastSync", lastSync.toString());
        }
        writeState(state);
    }

    private synchronized void writeState(Properties state) {
        try {
            var out = new java.io.StringWriter();
            state.store(out, "Tapscore kiosk runtime state");
            Files2.writeAtomically(stateFile, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warning("Could not write " + stateFile + ": " + e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant parseInstant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Blocks until the process is asked to stop. */
    public void awaitStopped() throws InterruptedException {
        Thread.currentThread().join();
    }

    @Override
    public void close() {
        timers.shutdownNow();
        if (browser != null) {
            browser.close();
        }
        local.close();
        outbox.close();
    }
}
