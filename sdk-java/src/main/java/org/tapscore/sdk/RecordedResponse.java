package org.tapscore.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * What the server stored for an answer: the result of {@link TapscoreClient#record(RecordRequest)} and of
 * {@link TapscoreClient#attachComment(UUID, String, String)}. Keep {@code editToken} to attach a comment later.
 *
 * @param id the response id
 * @param campaign the campaign id
 * @param score 0–10
 * @param category derived from the score
 * @param followUp the follow-up question to show for this category, in the campaign's language
 * @param editToken the secret that allows attaching a comment to this response
 * @param answeredAt when the respondent answered (the client's clock)
 * @param receivedAt when the server stored the answer
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordedResponse(UUID id, String campaign, int score, Category category, String followUp,
                               String editToken, Instant answeredAt, Instant receivedAt) {
}
