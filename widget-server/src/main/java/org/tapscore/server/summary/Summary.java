package org.tapscore.server.summary;

import org.tapscore.server.campaign.CampaignType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of a campaign over a period. {@code nps} is % promoters − % detractors with one decimal, null
 * for SCORE campaigns (never counted as NPS) and when nobody answered. {@code suspect} counts the rapid repeat
 * taps of kiosks in the period, which every other figure leaves out.
 */
public record Summary(String campaign,
                      CampaignType type,
                      long responses,
                      long promoters,
                      long passives,
                      long detractors,
                      BigDecimal nps,
                      BigDecimal average,
                      List<Long> distribution,
                      long suspect,
                      LocalDate from,
                      LocalDate to,
                      String tz) {
}
