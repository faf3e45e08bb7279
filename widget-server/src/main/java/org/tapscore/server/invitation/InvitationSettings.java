package org.tapscore.server.invitation;

import java.time.Duration;

/**
 * How invitations are delivered: the SMS gateway ({@code TAPSCORE_SMS_*}) how often each node looks for
 * invitations that are due ({@code TAPSCORE_INVITATIONS_POLL}, in milliseconds), and the relationship
 * fatigue rule.
 *
 * @param smsGateway {@code log} (development: SMS texts go to the log) or {@code http}
 * @param smsUrl     for {@code http}: the gateway endpoint that takes {@code {"to", "text"}} as JSON
 * @param smsToken   for {@code http}: sent as {@code Authorization: Bearer <token>}
 * @param relationshipDays at most one relationship survey per respondent in this many days
 *                         ({@code TAPSCORE_RELATIONSHIP_DAYS}, default 90)
 */
public record InvitationSettings(String smsGateway, String smsUrl, String smsToken, Duration pollInterval,
                                 int relationshipDays) {

    public static final InvitationSettings DEFAULT = new InvitationSettings("log", "", "", Duration.ofSeconds(5), 90);

    public InvitationSettings(String smsGateway, String smsUrl, String smsToken, Duration pollInterval) {
        this(smsGateway, smsUrl, smsToken, pollInterval, 90);
    }
}
