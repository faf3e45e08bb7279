package org.tapscore.server.targets;

import org.tapscore.server.web.ApiException;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The body of {@code PUT /api/v1/campaigns/{id}/target}, and what the campaign page's form sends.
 *
 * <pre>{"nps": 40, "date": "2027-06-30", "timeZone": "Europe/Copenhagen"}</pre>
 *
 * {@code date} stays text so that a malformed date is reported on the {@code date} field like a missing one;
 * {@code timeZone} defaults to the server's zone; {@code baseline} is for a campaign without 90 days of history.
 */
public record TargetRequest(Integer nps, String date, String timeZone, Integer baseline) {
    /** A target is a plan to improve; one further away than this is a typing slip, not a plan. */
    static final int MAX_YEARS = 10;
    private static final String NPS_RANGE = "must be a whole number from −100 to 100";

    /** The request's values once every field is valid; {@code today} is the day it is set, in {@code zone}. */
    public record Checked(int nps, LocalDate date, ZoneId zone, LocalDate today, Integer baseline) {
    }

    /** Checks every field at once, so a client learns all of its mistakes from one 400. */
    public Checked check(Clock clock, ZoneId defaultZone) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (nps == null || nps < -100 || nps > 100) {
            errors.add(new ApiException.FieldError("nps", NPS_RANGE));
        }
        if (baseline != null && (baseline < -100 || baseline > 100)) {
            errors.add(new ApiException.FieldError("baseline", NPS_RANGE));
        } else if (baseline != null && baseline.equals(nps)) {
            // Progress is measured from the baseline towards the target; with no distance there is nothing to go.
            errors.add(new ApiException.FieldError("baseline", "must differ from the target nps"));
        }
        ZoneId zone = zone(defaultZone, errors);
        LocalDate day = day(errors);
        LocalDate today = LocalDate.now(clock.withZone(zone == null ? defaultZone : zone));
        if (day != null && zone != null && !day.isAfter(today)) {
            errors.add(new ApiException.FieldError("date", "must be after today (" + today + " in " + zone.getId()
                    + ")"));
        } else if (day != null && zone != null && day.isAfter(today.plusYears(MAX_YEARS))) {
            // The straight path to a date decades away is flat: every campaign would read "on track" at once.
            errors.add(new ApiException.FieldError("date", "must be within " + MAX_YEARS + " years (by "
                    + today.plusYears(MAX_YEARS) + ")"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(ApiException.FieldError::field));
            throw ApiException.invalidFields(errors);
        }
        return new Checked(nps, day, zone, today, baseline);
    }

    private ZoneId zone(ZoneId defaultZone, List<ApiException.FieldError> errors) {
        if (timeZone == null || timeZone.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            errors.add(new ApiException.FieldError("timeZone", "must be a time zone such as Europe/Copenhagen"));
            return null;
        }
    }

    private LocalDate day(List<ApiException.FieldError> errors) {
        try {
            if (date != null && !date.isBlank()) {
                return LocalDate.parse(date.strip());
            }
        } catch (DateTimeException e) {
            // reported below, like a missing date
        }
        errors.add(new ApiException.FieldError("date", "must be a date such as 2027-06-30"));
        return null;
    }
}
