package org.tapscore.server.invitation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tapscore.server.response.Channel;

import java.time.Instant;

/** An invitation as {@code POST /api/v1/invitations} answers it, with ready-made content to send it yourself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationView(String token, String url, String campaign, Channel channel, InvitationStatus status,
                             Instant sendAt, Instant expiresAt, String emailHtml, String smsText, String qrSvg) {
}
