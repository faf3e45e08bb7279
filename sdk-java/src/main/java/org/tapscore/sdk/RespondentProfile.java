package org.tapscore.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A respondent with their average rating and answer history, from {@link TapscoreClient#respondent(String)}.
 *
 * @param externalId your id for this person
 * @param email email address, or {@code null}
 * @param phone phone number, or {@code null}
 * @param name display name, or {@code null}
 * @param company company, or {@code null}
 * @param attributes your extra attributes
 * @param averageScore the mean of all their scores, or {@code null} when they never answered
 * @param responses every answer they gave
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RespondentProfile(String externalId, String email, String phone, String name, String company,
                                Map<String, Object> attributes, Double averageScore, List<Response> responses) {
    public RespondentProfile {
        attributes = attributes == null ? Map.of() : attributes;
        responses = responses == null ? List.of() : List.copyOf(responses);
    }
}
