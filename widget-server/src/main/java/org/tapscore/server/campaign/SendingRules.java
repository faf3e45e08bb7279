package org.tapscore.server.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When a campaign's invitations go out: a delay after the trigger, a send window in the recipient's time zone,
 * one reminder if unanswered, and how long a link stays valid. Every field is optional.
 *
 * <pre>{"delay": "P3D", "window": {"from": "09:00", "to": "18:00", "days": ["MONDAY", "FRIDAY"]},
 *  "timeZone": "Europe/Copenhagen", "reminderDays": 4, "expiryDays": 30}</pre>
 *
 * @param delay        ISO-8601 duration between the trigger and the sending (a trigger's own delay wins)
 * @param window       the hours and days invitations may arrive; null means any time
 * @param timeZone     the window's zone when the respondent has no {@code timeZone} attribute
 * @param reminderDays one reminder this many days after sending if still unanswered; 0 or null: none
 * @param expiryDays   the link accepts answers this many days after sending
 */
public record SendingRules(@Size(max = 40) String delay,
                           @Valid SendWindow window,
                           @Size(max = 60) String timeZone,
                           @Min(0) @Max(365) Integer reminderDays,
                           @Min(1) @Max(365) Integer expiryDays) {

    public static final SendingRules DEFAULT = new SendingRules("PT0S", null, "UTC", 0, 30);

    public SendingRules withDefaults() {
        return new SendingRules(delay == null ? DEFAULT.delay : delay, window,
                timeZone == null ? DEFAULT.timeZone : timeZone,
                reminderDays == null ? 0 : reminderDays,
                expiryDays == null ? DEFAULT.expiryDays : expiryDays);
    }

    @JsonIgnore
    public Duration delayDuration() {
        return delay == null ? Duration.ZERO : parseDuration(delay);
    }

    @JsonIgnore
    public ZoneId zone() {
        return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
    }

    @JsonIgnore
    @AssertTrue(message = "delay must be an ISO-8601 duration such as P3D or PT2H, not negative")
    public boolean isDelayReadable() {
        try {
            return delay == null || !parseDuration(delay).isNegative();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @JsonIgnore
    @AssertTrue(message = "timeZone must be a zone id such as Europe/Copenhagen")
    public boolean isTimeZoneKnown() {
        try {
            return timeZone == null || ZoneId.of(timeZone) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Reads {@code P3D}, {@code PT2H} and {@code P1DT2H}; throws IllegalArgumentException otherwise. */
    public static Duration parseDuration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration: " + text, e);
        }
    }
}
