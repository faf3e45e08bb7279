package org.tapscore.server.campaign;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The campaign's brand: one primary colour and an optional logo. */
public record Theme(@Pattern(regexp = "#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", message = "must be a colour like #0a7d5a")
                    String primaryColor,
                    @Size(max = 2000) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
                    String logoUrl) {

    public static final Theme DEFAULT = new Theme("#0a7d5a", null);

    Theme withDefaults() {
        return new Theme(primaryColor == null ? DEFAULT.primaryColor() : primaryColor.toLowerCase(), logoUrl);
    }
}
