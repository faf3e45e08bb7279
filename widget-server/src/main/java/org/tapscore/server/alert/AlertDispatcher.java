package org.tapscore.server.alert;

import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.campaign.CampaignService;
import org.tapscore.server.campaign.CampaignTexts;
import org.tapscore.server.db.Database;
import org.tapscore.server.db.Sql;
import org.tapscore.server.response.ResponseItem;
import org.tapscore.server.response.ResponseQuery;
import org.tapscore.server.survey.ViewRenderer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the alert outbox. Each node polls for due rows and claims a few with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}: a row locked by one node is invisible to the others until that node
 * commits its outcome, so two nodes never send the same delivery. A failed attempt is retried with a doubling
 * wait; after {@value #MAX_ATTEMPTS} attempts the row is marked FAILED. If a node dies after sending but before
 * committing, the row is sent again later: receivers drop repeats by the {@code webhook-id} (the delivery id).
 */
public final class AlertDispatcher implements AutoCloseable {
    static final int MAX_ATTEMPTS = 8;
    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class.getName());
    private static final Duration MAX_WAIT = Duration.ofHours(1);

    private final Database db;
    private final AlertRuleRepository rules;
    private final CampaignService campaigns;
    private final ResponseQuery responses;
    private final ViewRenderer renderer;
    private final MailSender mail;
    private final String publicUrl;
    private final Clock clock;
    private final Duration retryBase;
    private final Duration poll;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile boolean running = true;
    private final Thread worker;

    public AlertDispatcher(Database db, AlertRuleRepository rules, CampaignService campaigns, ResponseQuery responses,
                           ViewRenderer renderer, MailSender mail, String publicUrl, Clock clock, Duration retryBase,
                           Duration poll) {
        this.db = db;
        this.rules = rules;
        this.campaigns = campaigns;
        this.responses = responses;
        this.renderer = renderer;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.retryBase = retryBase;
        this.poll = poll;
        this.worker = Thread.ofPlatform().name("alert-dispatcher").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                if (dispatchDue() == 0) {
                    Thread.sleep(poll.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | SQLException e) {
                LOG.log(Level.WARNING, "Alert delivery round failed; retrying", e);
                try {
                    Thread.sleep(Math.max(1000, poll.toMillis()));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Claims and delivers up to a handful of due rows in one transaction; returns how many it handled. */
    int dispatchDue() throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                List<Claimed> claimed = claim(c);
                for (Claimed row : claimed) {
                    deliver(c, row);
                }
                c.commit();
                return claimed.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private List<Claimed> claim(Connection c) throws SQLException {
        List<Claimed> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, rule_id, response_id, attempts from alert_delivery "
                + "where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit 5 "
                + "for update skip locked")) {
            Sql.setInstant(ps, 1, clock.instant());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Claimed(Sql.uuid(rs, "id"), Sql.uuid(rs, "rule_id"), Sql.uuid(rs, "response_id"),
                            rs.getInt("attempts")));
                }
            }
        }
        return rows;
    }

    private void deliver(Connection c, Claimed row) throws SQLException {
        int attempts = row.attempts() + 1;
        String error = null;
        try {
            AlertRule rule = rules.find(row.ruleId()).orElseThrow(() -> new IllegalStateException("rule deleted"));
            AlertMessage message = message(row);
            if (rule.email() != null) {
                sendMail(rule, message);
            } else {
                sendWebhook(rule, message);
            }
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.FINE, "Alert delivery " + row.id() + " failed", e);
        }
        Instant now = clock.instant();
        String sql = error == null
                ? "update alert_delivery set status = 'SENT', attempts = ?, delivered_at = ?, last_error = null where id = ?"
                : "update alert_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = ? where id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (error == null) {
                ps.setInt(1, attempts);
                Sql.setInstant(ps, 2, now);
                ps.setObject(3, row.id());
            } else {
                ps.setString(1, attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING");
                ps.setInt(2, attempts);
                Sql.setInstant(ps, 3, now.plus(backoff(attempts)));
                ps.setString(4, error.length() > 500 ? error.substring(0, 500) : error);
                ps.setObject(5, row.id());
            }
            ps.executeUpdate();
        }
    }

    /** The wait before attempt {@code attempts + 1}: the base, doubled per failed attempt, at most an hour. */
    Duration backoff(int attempts) {
        Duration wait = retryBase.multipliedBy(1L << Math.min(20, attempts - 1));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private AlertMessage message(Claimed row) {
        ResponseItem response = responses.find(row.responseId())
                .orElseThrow(() -> new IllegalStateException("response " + row.responseId() + " is gone"));
        Campaign campaign = campaigns.get(response.campaign());
        CampaignTexts texts = campaign.texts().getOrDefault(response.locale(), campaign.defaultTexts());
        String question = texts == null || texts.question() == null ? campaign.defaultTexts().question() : texts.question();
        String respondent = response.respondent() == null ? null
                : response.respondent().name() != null
                ? response.respondent().name() + " (" + response.respondent().externalId() + ")"
                : response.respondent().externalId();
        String url = publicUrl + "/admin/responses/" + response.id();
        return new AlertMessage(row.id(), response.id(), campaign.id(), campaign.name(), question, response.score(),
                response.category().key(), response.comment(), response.channel().name().toLowerCase(),
                response.location(), response.answeredAt(), respondent, url);
    }

    private void sendMail(AlertRule rule, AlertMessage m) throws Exception {
        if (!mail.configured()) {
            throw new IllegalStateException("no SMTP server is configured (TAPSCORE_SMTP_HOST)");
        }
        String html = renderer.render("admin/alert-email", Map.of("m", m, "comment", m.comment() == null ? "" : m.comment(),
                "location", m.location() == null ? "" : m.location(), "respondent", m.respondent() == null ? "" : m.respondent()));
        String text = m.subject() + "\n\n" + m.question() + "\nScore: " + m.score() + " (" + m.category() + ")\n"
                + "Comment: " + (m.comment() == null ? "(none)" : m.comment()) + "\n"
                + "Campaign: " + m.campaignName() + "\nWhen: " + m.answeredAt() + "\nChannel: " + m.channel()
                + (m.location() == null ? "" : "\nLocation: " + m.location())
                + (m.respondent() == null ? "" : "\nRespondent: " + m.respondent())
                + "\n\nOpen the response: " + m.url() + "\n\nDelivery " + m.deliveryId() + "\n";
        mail.send(rule.email(), m.subject(), html, text);
    }

    private void sendWebhook(AlertRule rule, AlertMessage m) throws Exception {
        byte[] body = WebhookPayloads.body(rule.format(), m);
        String id = "msg_" + m.deliveryId();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(rule.webhookUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Tapscore-Alerts")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(rule.secret(), id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the receiver answered " + response.statusCode());
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Claimed(UUID id, UUID ruleId, UUID responseId, int attempts) {
    }
}
