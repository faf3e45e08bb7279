package org.tapscore.server.kiosk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tapscore.server.campaign.Campaign;

/** The body of {@code POST /api/v1/devices}: {@code {"name": "Exit stand", "location": "Aarhus C", "campaign": "in-store"}}. */
public record NewDevice(@NotBlank @Size(max = 200) String name,
                        @Size(max = 200) String location,
                        @NotNull @Pattern(regexp = Campaign.ID_PATTERN, message = "must be a campaign id") String campaign) {
}
