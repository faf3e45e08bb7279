package org.tapscore.server.alert;

import org.tapscore.server.db.Sql;
import org.tapscore.server.response.ResponseRecorder;
import org.tapscore.server.response.StoredResponse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts one outbox row per matching rule next to each new response, inside the response's own transaction.
 *
 * <p>Why here and not in a listener called after the commit: a listener runs after the answer is acknowledged,
 * so a crash, a restart or a failed insert between the commit and the listener would lose the alert for an
 * answer the customer was told was saved. In the same transaction, the answer and its alerts commit together
 * or not at all, and the outbox survives any crash; {@link AlertDispatcher} delivers from it later.
 */
public final class AlertOutbox implements ResponseRecorder.InsertHook {
    private final Clock clock;
    private final Duration delay;

    public AlertOutbox(Clock clock, Duration delay) {
        this.clock = clock;
        this.delay = delay;
    }

    @Override
    public void inserted(Connection c, List<StoredResponse> created) throws SQLException {
        if (created.isEmpty()) {
            return;
        }
        Map<String, List<int[]>> ruleRanges = new HashMap<>();
        Map<String, List<UUID>> ruleIds = new HashMap<>();
        for (StoredResponse response : created) {
            if (!ruleRanges.containsKey(response.campaignId())) {
                loadRules(c, response.campaignId(), ruleRanges, ruleIds);
            }
        }
        Instant now = clock.instant();
        try (PreparedStatement ps = c.prepareStatement("insert into alert_delivery (id, rule_id, response_id, status, "
                + "attempts, next_attempt_at, created_at) values (?, ?, ?, 'PENDING', 0, ?, ?)")) {
            boolean any = false;
            for (StoredResponse response : created) {
                List<int[]> ranges = ruleRanges.get(response.campaignId());
                List<UUID> ids = ruleIds.get(response.campaignId());
                for (int i = 0; i < ranges.size(); i++) {
                    if (response.score() >= ranges.get(i)[0] && response.score() <= ranges.get(i)[1]) {
                        ps.setObject(1, UUID.randomUUID());
                        ps.setObject(2, ids.get(i));
                        ps.setObject(3, response.id());
                        Sql.setInstant(ps, 4, now.plus(delay));
                        Sql.setInstant(ps, 5, now);
                        ps.addBatch();
                        any = true;
                    }
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    private static void loadRules(Connection c, String campaign, Map<String, List<int[]>> ranges,
                                  Map<String, List<UUID>> ids) throws SQLException {
        List<int[]> r = new ArrayList<>();
        List<UUID> i = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, score_from, score_to from alert_rule where campaign_id = ?")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    i.add(Sql.uuid(rs, "id"));
                    r.add(new int[] {rs.getInt("score_from"), rs.getInt("score_to")});
                }
            }
        }
        ranges.put(campaign, r);
        ids.put(campaign, i);
    }
}
