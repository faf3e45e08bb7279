package org.tapscore.server.invitation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tapscore.server.campaign.Campaign;
import org.tapscore.server.response.Channel;
import org.tapscore.server.response.RespondentInput;

import java.time.Instant;

/**
 * The body of {@code POST /api/v1/invitations}.
 *
 * <pre>{"campaign": "after-order", "respondent": {"externalId": "cust-1042", "email": "anna@example.com"},
 *  "channel": "EMAIL", "delay": "P3D"}</pre>
 */
public record InvitationRequest(
        @NotNull @Pattern(regexp = Campaign.ID_PATTERN, message = "must be a campaign id") String campaign,
        @NotNull @Valid RespondentInput respondent,
        @NotNull Channel channel,
        Instant sendAt,
        @Size(max = 40) String delay) {
}
