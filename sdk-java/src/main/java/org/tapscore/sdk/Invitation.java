package org.tapscore.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.time.Instant;

/**
 * A personal invitation made by {@link TapscoreClient#trigger(TriggerRequest)}: a token bound to a campaign, a
 * respondent and a channel, with ready-made content to send it yourself.
 *
 * @param token the unguessable invitation token
 * @param url the personal survey link ({@code …/r/{token}})
 * @param campaign the campaign id
 * @param channel EMAIL, SMS or LINK
 * @param status the server's delivery status, for example {@code "SCHEDULED"}
 * @param sendAt when the invitation is (or was) sent
 * @param expiresAt after this instant the link no longer accepts answers
 * @param emailHtml the email body with the 0–10 scale as links, or {@code null}
 * @param smsText the SMS text with the link, or {@code null}
 * @param qrSvg an SVG QR code of {@code url}, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Invitation(String token, URI url, String campaign, Channel channel, String status, Instant sendAt,
                         Instant expiresAt, String emailHtml, String smsText, String qrSvg) {
}
