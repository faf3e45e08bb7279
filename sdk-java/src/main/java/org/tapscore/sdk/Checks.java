package org.tapscore.sdk;

import java.util.List;
import java.util.regex.Pattern;

/** Client-side checks that turn a doomed request into a clear {@link InvalidRequestException} before sending. */
final class Checks {
    private static final Pattern CAMPAIGN_ID = Pattern.compile("[a-z0-9-]{1,64}");

    private Checks() {
    }

    static InvalidRequestException invalid(String field, String message) {
        Problem problem = new Problem(null, "Invalid request", null, field + ": " + message, "invalid_request",
                List.of(new TapscoreException.FieldError(field, message)), null);
        return new InvalidRequestException(field + ": " + message, 0, problem, null, null);
    }

    static String campaign(String campaign) {
        if (campaign == null || !CAMPAIGN_ID.matcher(campaign).matches()) {
            throw invalid("campaign", "must be a campaign id of 1–64 characters a–z, 0–9 or '-', was "
                    + (campaign == null ? "null" : "\"" + campaign + "\""));
        }
        return campaign;
    }

    static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is missing");
        }
        return value;
    }

    static String maxCodePoints(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw invalid(field, "must be at most " + max + " characters, was "
                    + value.codePointCount(0, value.length()));
        }
        return value;
    }
}
