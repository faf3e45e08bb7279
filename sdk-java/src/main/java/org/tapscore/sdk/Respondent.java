package org.tapscore.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The person who is invited or who answers, identified by your own {@code externalId} (a customer number, a CRM
 * id). Every field but {@code externalId} is optional; build one with the {@code with…} methods:
 *
 * <pre>{@code
 * Respondent anna = Respondent.of("cust-1042")
 *         .withEmail("anna@example.com")
 *         .withName("Anna Jensen")
 *         .withAttributes(Map.of("plan", "pro"));
 * }</pre>
 *
 * @param externalId your id for this person
 * @param email where email invitations go
 * @param phone where SMS invitations go, in E.164 form ({@code +4512345678})
 * @param name a display name
 * @param company the person's company
 * @param attributes anything else worth filtering by later (plan, region, …)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Respondent(String externalId, String email, String phone, String name, String company,
                         Map<String, Object> attributes) {

    /** A respondent known only by your id. */
    public static Respondent of(String externalId) {
        return new Respondent(externalId, null, null, null, null, null);
    }

    public Respondent withEmail(String email) {
        return new Respondent(externalId, email, phone, name, company, attributes);
    }

    public Respondent withPhone(String phone) {
        return new Respondent(externalId, email, phone, name, company, attributes);
    }

    public Respondent withName(String name) {
        return new Respondent(externalId, email, phone, name, company, attributes);
    }

    public Respondent withCompany(String company) {
        return new Respondent(externalId, email, phone, name, company, attributes);
    }

    public Respondent withAttributes(Map<String, Object> attributes) {
        return new Respondent(externalId, email, phone, name, company, attributes == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
    }
}
