package org.tapscore.server.response;

import jakarta.validation.constraints.Size;
import org.tapscore.server.respondent.EmailAddress;
import org.tapscore.server.respondent.PhoneNumber;

import java.util.Map;

/** Who answered, as a caller with an API key knows them. */
public record RespondentInput(@Size(min = 1, max = 200) String externalId,
                              @EmailAddress String email,
                              @PhoneNumber String phone,
                              @Size(max = 200) String name,
                              @Size(max = 200) String company,
                              @Size(max = 50) Map<@Size(max = 100) String, Object> attributes) {
}
