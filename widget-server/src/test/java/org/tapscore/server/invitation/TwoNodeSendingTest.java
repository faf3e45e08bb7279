package org.tapscore.server.invitation;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.tapscore.sdk.Channel;
import org.tapscore.sdk.Respondent;
import org.tapscore.sdk.TapscoreClient;
import org.tapscore.sdk.TriggerRequest;
import org.tapscore.server.db.DatabaseSettings;
import org.tapscore.server.support.TestDatabases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
