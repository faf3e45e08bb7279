package org.tapscore.server.response;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** Who answered, as a caller with an API key knows them. */
public record RespondentInput(@Size(min = 1, max = 200) String externalId,
                              @Email @Size(max = 320) String email,
                              @Pattern(regexp = "\\+?[0-9 ()-]{4,30}", message = "must be a phone number")
                              String phone,
                              @Size(max = 200) String name,
                              @Size(max = 200) String company,
                              @Size(max = 50) Map<@Size(max = 100) String, Object> attributes) {
}
