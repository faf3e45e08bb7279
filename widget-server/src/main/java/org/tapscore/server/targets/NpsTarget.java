package org.tapscore.server.targets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A campaign's NPS target as it was set: reach {@code targetNps} by {@code targetDate} (a day in {@code zone}),
 * starting from {@code baselineNps} on {@code baselineDate}, the day it was set.
 *
 * <p>{@code baselineNps} is null when nobody answered in the 90 days before; {@code baselineAnswers} is the
 * number of answers it was measured from, 0 when the person setting the target gave the baseline themselves.
 *
 * <pre>{@code
 * new NpsTarget("after-order", 40, LocalDate.parse("2027-06-30"), ZoneId.of("Europe/Copenhagen"),
 *         12.5, 208, LocalDate.parse("2026-12-04"), "API key", Instant.parse("2026-12-04T09:12:00Z"));
 * }</pre>
 */
public record NpsTarget(String campaign, int targetNps, LocalDate targetDate, ZoneId zone, Double baselineNps,
                        long baselineAnswers, LocalDate baselineDate, String setBy, Instant setAt) {
}
