package org.tapscore.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored answer as listed by {@link TapscoreClient#responses(String)} and in a respondent's history.
 *
 * @param id the response id
 * @param campaign the campaign id
 * @param score 0–10
 * @param category derived from the score
 * @param comment the free-text comment, or {@code null}
 * @param channel where the answer came from
 * @param locale the language the question was shown in, or {@code null}
 * @param location a free label such as a store, or {@code null}
 * @param device the kiosk id, or {@code null}
 * @param invitation the invitation token the answer belongs to, or {@code null}
 * @param respondent who answered, or {@code null} when anonymous
 * @param answeredAt when the respondent answered (the client's clock)
 * @param receivedAt when the server stored the answer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Response(UUID id, String campaign, int score, Category category, String comment, Channel channel,
                       String locale, String location, String device, String invitation, Respondent respondent,
                       Instant answeredAt, Instant receivedAt) {
}
