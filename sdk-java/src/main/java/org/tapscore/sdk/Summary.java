package org.tapscore.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The score summary of a campaign over a period, from
 * {@link TapscoreClient#summary(String, LocalDate, LocalDate, ZoneId)}.
 *
 * @param campaign the campaign id
 * @param type NPS or SCORE
 * @param responses how many answers
 * @param promoters answers 9–10
 * @param passives answers 7–8
 * @param detractors answers 0–6
 * @param nps the Net Promoter Score, −100 to 100 with one decimal; {@code null} for SCORE campaigns or no answers
 * @param average the mean score, or {@code null} when there are no answers
 * @param distribution how many answers gave 0, 1, … 10 (11 counts)
 * @param from the first day, inclusive
 * @param to the last day, inclusive
 * @param tz the time zone the days are counted in
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Summary(String campaign, CampaignType type, long responses, long promoters, long passives,
                      long detractors, Double nps, Double average, List<Long> distribution, LocalDate from,
                      LocalDate to, ZoneId tz) {
    public Summary {
        distribution = distribution == null ? List.of() : List.copyOf(distribution);
    }
}
