package org.tapscore.server.wave;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tapscore.server.response.Category;

import java.time.Instant;
import java.util.Map;

/**
 * Which respondents a wave goes to. Every field is optional and all given ones must hold; an empty selection
 * means every respondent. "Last answer" is the respondent's latest answer to any campaign.
 *
 * <pre>{"company": "Acme", "attributes": {"plan": "gold"}, "language": "da", "category": "DETRACTOR",
 *  "answeredWithinDays": 365, "lastAnswerBefore": "2026-01-01T00:00:00Z", "neverAsked": false}</pre>
 *
 * @param company            the company, compared without regard to case
 * @param attributes         attribute values that must all match exactly (as text)
 * @param language           the respondent's language; {@code da} also matches {@code da-DK}
 * @param category           the category of the latest answer: PROMOTER, PASSIVE or DETRACTOR
 * @param answeredWithinDays the latest answer is at most this many days old
 * @param lastAnswerAfter    the latest answer came at or after this instant
 * @param lastAnswerBefore   the latest answer came before this instant
 * @param neverAsked         true: only people who were never invited and never answered
 */
public record Selection(@Size(max = 200) String company,
                        @Size(max = 10) Map<@NotBlank @Size(max = 100) @Pattern(regexp = "[^\"\\\\]+",
                                message = "must not contain quotes or backslashes") String,
                                @Size(max = 1000) String> attributes,
                        @Size(max = 35) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                                message = "must be a language tag such as da or en-GB") String language,
                        @Pattern(regexp = "(?i)promoter|passive|detractor",
                                message = "must be PROMOTER, PASSIVE or DETRACTOR") String category,
                        @Min(1) @Max(3650) Integer answeredWithinDays,
                        Instant lastAnswerAfter,
                        Instant lastAnswerBefore,
                        Boolean neverAsked) {

    public static final Selection EVERYONE = new Selection(null, null, null, null, null, null, null, null);

    /** The same selection with blank text fields left out (an empty form field means "any"). */
    public Selection normalized() {
        return new Selection(blank(company), attributes == null || attributes.isEmpty() ? null : attributes,
                blank(language), blank(category) == null ? null : category.strip().toUpperCase(java.util.Locale.ROOT),
                answeredWithinDays, lastAnswerAfter, lastAnswerBefore,
                Boolean.TRUE.equals(neverAsked) ? Boolean.TRUE : null);
    }

    /** The category filter, when there is one. */
    @JsonIgnore
    public Category categoryValue() {
        return category == null ? null : Category.valueOf(category.toUpperCase(java.util.Locale.ROOT));
    }

    /** Someone never asked has no answer, so any answer filter beside it would select nobody by mistake. */
    @JsonIgnore
    @AssertTrue(message = "neverAsked cannot be combined with filters on the last answer")
    public boolean isConsistent() {
        return !Boolean.TRUE.equals(neverAsked) || (category == null && answeredWithinDays == null
                && lastAnswerAfter == null && lastAnswerBefore == null);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
