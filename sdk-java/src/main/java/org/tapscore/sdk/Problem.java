package org.tapscore.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}) as the Tapscore server sends it.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param code a machine-readable code such as {@code "fatigue"}
 * @param errors invalid fields, if any
 * @param nextAllowedAt for a fatigue refusal: the first instant the respondent may be invited again
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, Integer status, String detail, String code,
                      List<TapscoreException.FieldError> errors, Instant nextAllowedAt) {
    static final Problem EMPTY = new Problem(null, null, null, null, null, List.of(), null);
}
