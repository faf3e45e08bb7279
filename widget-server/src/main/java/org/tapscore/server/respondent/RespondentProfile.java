package org.tapscore.server.respondent;

import org.tapscore.server.response.ResponseItem;

import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/respondents/{externalId}}: the person, their average score and every answer. */
public record RespondentProfile(String externalId, String email, String phone, String name, String company,
                                String language, Map<String, Object> attributes, Double averageScore,
                                List<ResponseItem> responses) {
}
