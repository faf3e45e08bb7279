package org.tapscore.server.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * The local hours (and weekdays) in which invitations may arrive, e.g. 09:00–18:00 on weekdays. An empty or
 * missing {@code days} list means every day.
 */
public record SendWindow(@NotNull @Pattern(regexp = TIME, message = "must be HH:mm") String from,
                         @NotNull @Pattern(regexp = TIME, message = "must be HH:mm") String to,
                         @Size(max = 7) List<@NotNull DayOfWeek> days) {

    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

    @JsonIgnore
    public LocalTime start() {
        return LocalTime.parse(from);
    }

    @JsonIgnore
    public LocalTime end() {
        return LocalTime.parse(to);
    }

    @JsonIgnore
    public boolean allows(DayOfWeek day) {
        return days == null || days.isEmpty() || days.contains(day);
    }

    @JsonIgnore
    @AssertTrue(message = "window.from must be before window.to")
    public boolean isOrdered() {
        return from == null || to == null || !from.matches(TIME) || !to.matches(TIME)
                || LocalTime.parse(from).isBefore(LocalTime.parse(to));
    }
}
