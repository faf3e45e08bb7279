package org.tapscore.server.wave;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tapscore.server.response.Channel;

import java.time.Instant;

/**
 * A new wave as the API takes it.
 *
 * <pre>{"campaign": "relationship-2026", "channel": "EMAIL", "name": "Spring", "ratePerHour": 400,
 *  "startAt": "2026-03-02T08:00:00Z", "selection": {"company": "Acme"}, "dryRun": false}</pre>
 *
 * @param startAt when the first invitation may go out (default: now); the campaign's delay does not apply
 * @param dryRun  true: answer with the counts and skips without storing anything
 */
public record WaveRequest(@NotBlank @Size(max = 64) String campaign,
                          @NotNull Channel channel,
                          @Size(max = 200) String name,
                          @Valid Selection selection,
                          @NotNull @Min(1) @Max(100_000) Integer ratePerHour,
                          Instant startAt,
                          Boolean dryRun) {
}
