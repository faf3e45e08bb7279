package org.tapscore.server.survey;

import io.helidon.common.uri.UriQuery;
import io.helidon.common.parameters.Parameters;

/** A posted HTML form ({@code application/x-www-form-urlencoded}) read as parameters. */
record SurveyForm(Parameters fields) {

    static SurveyForm parse(String body) {
        return new SurveyForm(UriQuery.create(body));
    }

    String get(String name) {
        return fields.first(name).orElse(null);
    }

    /** A score 0..10, or null when missing or not a whole number in range. */
    Integer score() {
        return SurveyForm.score(get("score"));
    }

    static Integer score(String raw) {
        if (raw == null || !raw.matches("(10|[0-9])")) {
            return null;
        }
        return Integer.parseInt(raw);
    }
}
