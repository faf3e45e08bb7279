package org.tapscore.server.wave;

import org.tapscore.server.admin.AdminForm;
import org.tapscore.server.response.Channel;
import org.tapscore.server.web.ApiException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin page's "New wave" form, read into a {@link WaveRequest}. Dates and times are in the admin's zone;
 * an empty field means "any". The posted values go back into the form as they were, so nothing typed is lost.
 */
record WaveForm(AdminForm form, ZoneId zone) {
    static final List<String> FIELDS = List.of("campaign", "channel", "name", "company", "attributeKey",
            "attributeValue", "language", "category", "answeredWithinDays", "lastAnswerAfter", "lastAnswerBefore",
            "neverAsked", "ratePerHour", "startAt", "key", "testPhone");

    /** The values to show in the form again. */
    Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            String value = form.get(field);
            values.put(field, value == null ? "" : value);
        }
        return values;
    }

    WaveRequest request(boolean dryRun) {
        String channel = text("channel");
        Channel parsed;
        try {
            parsed = Channel.valueOf(channel == null ? "EMAIL" : channel);
        } catch (IllegalArgumentException e) {
            throw field("channel", "must be EMAIL or SMS");
        }
        return new WaveRequest(text("campaign"), parsed, text("name"), selection(), number("ratePerHour"),
                dateTime("startAt"), dryRun);
    }

    Selection selection() {
        String key = text("attributeKey");
        if (key == null && text("attributeValue") != null) {
            throw field("attributeKey", "name the attribute the value is for, or leave both empty");
        }
        if (key != null && text("attributeValue") == null) {
            throw field("attributeValue", "give the value to match, or leave both empty");
        }
        Map<String, String> attributes = key == null ? null : Map.of(key, text("attributeValue"));
        return new Selection(text("company"), attributes, text("language"), text("category"),
                number("answeredWithinDays"), date("lastAnswerAfter"), date("lastAnswerBefore"),
                form.get("neverAsked") != null ? Boolean.TRUE : null);
    }

    private String text(String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Integer number(String name) {
        String value = text(name);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw field(name, "must be a whole number");
        }
    }

    private Instant date(String name) {
        String value = text(name);
        try {
            return value == null ? null : LocalDate.parse(value).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            throw field(name, "must be a date such as 2026-03-02");
        }
    }

    private Instant dateTime(String name) {
        String value = text(name);
        try {
            return value == null ? null : LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw field(name, "must be a date and time such as 2026-03-02T09:00");
        }
    }

    private static ApiException field(String name, String message) {
        return ApiException.invalidFields(List.of(new ApiException.FieldError(name, message)));
    }
}
