package org.tapscore.server.invitation;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.tapscore.sdk.Channel;
import org.tapscore.sdk.FatigueException;
import org.tapscore.sdk.Respondent;
import org.tapscore.sdk.TapscoreClient;
import org.tapscore.sdk.TriggerRequest;
import org.tapscore.server.db.DatabaseSettings;
import org.tapscore.server.support.TestDatabases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two server nodes on one PostgreSQL share the invitation queue: both poll it every 100 ms, and every
 * scheduled invitation is emailed exactly once.
 */
class TwoNodeSendingTest {
    private static final int INVITATIONS = 40;

    @Test
    void eachScheduledInvitationIsSentOnceByOneOfTwoNodes() throws Exception {
        DatabaseSettings database = TestDatabases.postgres();
        GreenMail mail = InvitationServer.startMail();
        try (InvitationServer first = InvitationServer.start(database, Clock.systemUTC(), mail);
             InvitationServer second = InvitationServer.start(database, Clock.systemUTC(), mail)) {
            String campaign = first.simpleCampaign("nodes", "TOUCHPOINT", 30);
            TapscoreClient a = first.sdk();
            TapscoreClient b = second.sdk();
            // All due at the same moment, a little ahead, so both nodes find them in the same polls.
            Instant sendAt = Instant.now().plusSeconds(2);
            for (int i = 0; i < INVITATIONS; i++) {
                (i % 2 == 0 ? a : b).trigger(TriggerRequest.builder(campaign,
                        Respondent.of("node-" + i).withEmail("node-" + i + "@nodes.test"), Channel.EMAIL)
                        .sendAt(sendAt).build());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (mail.getReceivedMessages().length < INVITATIONS && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // Many more polls of both nodes: nothing is sent a second time.
            Thread.sleep(1500);
            Map<String, Integer> perRecipient = new HashMap<>();
            for (MimeMessage message : mail.getReceivedMessages()) {
                perRecipient.merge(recipient(message), 1, Integer::sum);
            }
            assertEquals(INVITATIONS, mail.getReceivedMessages().length, perRecipient.toString());
            assertEquals(INVITATIONS, perRecipient.size());
            perRecipient.forEach((to, n) -> assertEquals(1, n, to));
        } finally {
            mail.stop();
            TestDatabases.drop(database);
        }
    }

    @Test
    void concurrentTriggersForOnePersonAcrossNodesMakeOneInvitation() throws Exception {
        DatabaseSettings database = TestDatabases.postgres();
        GreenMail mail = InvitationServer.startMail();
        try (InvitationServer first = InvitationServer.start(database, Clock.systemUTC(), mail);
             InvitationServer second = InvitationServer.start(database, Clock.systemUTC(), mail)) {
            String campaign = first.simpleCampaign("race", "TOUCHPOINT", 30);
            List<TapscoreClient> clients = List.of(first.sdk(), second.sdk());
            int triggers = 12;
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(triggers)) {
                for (int i = 0; i < triggers; i++) {
                    TapscoreClient client = clients.get(i % 2);
                    // Half share one idempotency key (one order retried), half are distinct orders.
                    String key = i < triggers / 2 ? "order-same" : "order-" + i;
                    outcomes.add(pool.submit(() -> {
                        go.await();
                        try {
                            return client.trigger(TriggerRequest.builder(campaign, Respondent.of("race-1")
                                    .withEmail("race@nodes.test"), Channel.EMAIL).idempotencyKey(key).build()).token();
                        } catch (FatigueException e) {
                            return "fatigue";
                        }
                    }));
                }
                go.countDown();
            }
            Set<String> tokens = new HashSet<>();
            int refused = 0;
            for (Future<String> outcome : outcomes) {
                String result = outcome.get();
                if (result.equals("fatigue")) {
                    refused++;
                } else {
                    tokens.add(result);
                }
            }
            assertEquals(1, tokens.size(), "one invitation, whichever trigger won");
            // Either one of the repeated order's triggers won (its repeats get the same invitation, the six other
            // orders are refused), or one of the other orders won (everything else is refused).
            assertTrue(refused == triggers / 2 || refused == triggers - 1, "refused: " + refused);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (mail.getReceivedMessages().length < 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1000);
            assertEquals(1, mail.getReceivedMessages().length);
        } finally {
            mail.stop();
            TestDatabases.drop(database);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
