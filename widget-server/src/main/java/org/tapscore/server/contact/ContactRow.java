package org.tapscore.server.contact;

import java.util.Map;

/**
 * One valid contact from an import file, ready to store. {@code key} is how it is matched to an existing
 * respondent: the external id when the row has one; otherwise the e-mail address ({@code keyedByEmail}), which
 * also finds a respondent stored earlier under another external id with that address.
 */
record ContactRow(int line, String key, boolean keyedByEmail, String email, String phone, String name,
                  String company, String language, Map<String, String> attributes) {
}
