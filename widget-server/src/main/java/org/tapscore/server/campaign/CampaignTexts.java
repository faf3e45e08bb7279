package org.tapscore.server.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** The texts of a campaign in one language. Any text left out comes from the built-in translations. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignTexts(@Size(max = 500) String question,
                            @Size(max = 100) String lowLabel,
                            @Size(max = 100) String highLabel,
                            @Valid FollowUpTexts followUp,
                            @Size(max = 500) String thankYou) {

    /** The follow-up question asked after the score, one per category. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FollowUpTexts(@Size(max = 500) String detractor,
                                @Size(max = 500) String passive,
                                @Size(max = 500) String promoter) {
    }
}
