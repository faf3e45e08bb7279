package org.tapscore.server.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A touchpoint that asks the 0–10 question, exactly as the API shows it. Only {@code id}, {@code name},
 * {@code type} and one language's question are required; {@link #withDefaults()} fills in the rest.
 *
 * <pre>{"id": "after-order", "name": "After order", "type": "NPS", "texts": {"en": {"question": "…"}}}</pre>
 */
public record Campaign(
        @NotNull @Pattern(regexp = ID_PATTERN, message = "must be 1–64 of a-z, 0-9 and -") String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull CampaignType type,
        Journey journey,
        CampaignStatus status,
        @Pattern(regexp = LOCALE_PATTERN, message = "must be a language tag such as da or en-GB") String defaultLocale,
        @Size(max = 50) List<@NotNull @Pattern(regexp = ORIGIN_PATTERN,
                message = "must be an origin such as https://shop.example") String> allowedOrigins,
        @Min(0) @Max(3650) Integer recontactDays,
        @Min(0) @Max(100) Integer samplePercent,
        @NotEmpty @Size(max = 30) Map<@NotNull @Pattern(regexp = LOCALE_PATTERN,
                message = "must be a language tag such as da or en-GB") String, @NotNull @Valid CampaignTexts> texts,
        @Valid Theme theme) {

    public static final String ID_PATTERN = "[a-z0-9-]{1,64}";
    public static final String LOCALE_PATTERN = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    public static final String ORIGIN_PATTERN = "[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9.-]+(:[0-9]{1,5})?";

    /** The same campaign with every optional field set to its default. */
    public Campaign withDefaults() {
        Map<String, CampaignTexts> orderedTexts = new LinkedHashMap<>(texts);
        String locale = defaultLocale != null ? defaultLocale : orderedTexts.keySet().iterator().next();
        return new Campaign(id, name.strip(), type,
                journey == null ? Journey.TOUCHPOINT : journey,
                status == null ? CampaignStatus.ACTIVE : status,
                locale,
                allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins),
                recontactDays == null ? 30 : recontactDays,
                samplePercent == null ? 100 : samplePercent,
                orderedTexts,
                theme == null ? Theme.DEFAULT : theme.withDefaults());
    }

    @JsonIgnore
    public boolean isActive() {
        return status == CampaignStatus.ACTIVE;
    }

    /** The texts of the default language, which every other language falls back to. */
    @JsonIgnore
    public CampaignTexts defaultTexts() {
        return texts.get(defaultLocale);
    }
}
