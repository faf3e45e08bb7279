package org.tapscore.server.alert;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tapscore.server.respondent.EmailAddress;

/** The body of {@code POST /api/v1/campaigns/{id}/alert-rules}: a score range and one e-mail address or webhook. */
public record NewAlertRule(@NotNull @Min(0) @Max(10) Integer from,
                           @NotNull @Min(0) @Max(10) Integer to,
                           @EmailAddress String email,
                           @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
                           String webhookUrl,
                           AlertFormat format) {
}
