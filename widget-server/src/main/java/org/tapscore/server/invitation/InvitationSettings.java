package org.tapscore.server.invitation;

import java.time.Duration;

/**
 * How invitations are delivered: the SMS gateway ({@code TAPSCORE_SMS_*}) and how often each node looks for
 * invitations that are due ({@code TAPSCORE_INVITATIONS_POLL}, in milliseconds).
 *
 * @param smsGateway {@code log} (development: SMS texts go to the log) or {@code http}
 * @param smsUrl     for {@code http}: the gateway endpoint that takes {@code {"to", "text"}} as JSON
 * @param smsToken   for {@code http}: sent as {@code Authorization: Bearer <token>}
 */
public record InvitationSettings(String smsGateway, String smsUrl, String smsToken, Duration pollInterval) {

    public static final InvitationSettings DEFAULT = new InvitationSettings("log", "", "", Duration.ofSeconds(5));
}
