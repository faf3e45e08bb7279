package org.tapscore.server.response;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tapscore.server.campaign.Campaign;

import java.time.Instant;

/**
 * The body of {@code POST /api/v1/responses}. The comment's length is checked after cleaning, in code points
 * (see {@link TextNormalizer}); everything else is checked here.
 */
public record NewResponse(
        @NotNull @Pattern(regexp = Campaign.ID_PATTERN, message = "must be a campaign id") String campaign,
        @NotNull @Min(0) @Max(10) Integer score,
        @NotNull Channel channel,
        @NotNull @Pattern(regexp = KEY_PATTERN, message = "must be 8–100 of A-Z a-z 0-9 . _ : -")
        String idempotencyKey,
        @Size(max = 8000) String comment,
        @Pattern(regexp = Campaign.LOCALE_PATTERN, message = "must be a language tag such as da") @Size(max = 35)
        String locale,
        @Size(max = 200) String location,
        @Size(max = 100) String device,
        @Size(max = 100) String invitation,
        Instant answeredAt,
        @Valid RespondentInput respondent,
        @Size(max = 2000) String pageUrl) {

    public static final String KEY_PATTERN = "[A-Za-z0-9._:-]{8,100}";
    public static final int MAX_COMMENT = 2000;
}
