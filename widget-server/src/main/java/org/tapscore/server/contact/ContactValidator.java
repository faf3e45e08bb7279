package org.tapscore.server.contact;

import org.tapscore.server.respondent.ContactAddresses;
import org.tapscore.server.response.TextNormalizer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Checks one row at a time and remembers only hashes of the keys seen so far (to find duplicates within the file),
 * so validating a long file needs a few bytes per row, not the rows.
 */
final class ContactValidator {
    private static final Set<String> LANGUAGES = Arrays.stream(Locale.getISOLanguages()).collect(Collectors.toSet());

    /** External ids, names and companies: as long as the database columns, and as the invitation API allows. */
    static final int MAX_LABEL = 200;
    static final int MAX_ATTRIBUTE = 1000;

    private final ColumnMapping columns;
    private final SeenKeys keys = new SeenKeys();

    ContactValidator(ColumnMapping columns) {
        this.columns = columns;
    }

    /** The row as a contact, or null after reporting each of its problems. */
    ContactRow check(int line, List<String> cells, Consumer<ImportProblem> problems) {
        boolean ok = true;
        if (cells.size() < columns.width()) {
            // A short row leaves its last columns unsaid; taking them as empty would clear stored values.
            problems.accept(new ImportProblem(line, columns.headerAt(cells.size()), "the row has " + cells.size()
                    + (cells.size() == 1 ? " cell" : " cells") + " where the header has " + columns.width()));
            return null;
        }
        for (int i = columns.width(); i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                problems.accept(new ImportProblem(line, "column " + (i + 1), "a value beyond the header's "
                        + columns.width() + " columns; is a separator missing from the header or extra in this row?"));
                return null;
            }
        }
        for (int i : columns.unnamed()) {
            if (!cells.get(i).isBlank()) {
                problems.accept(new ImportProblem(line, "column " + (i + 1), "a value in a column without a header; "
                        + "name the column, or empty it"));
                return null;
            }
        }
        for (String field : List.of("externalId", "name", "company")) {
            String value = columns.value(cells, field);
            if (value != null && value.codePointCount(0, value.length()) > MAX_LABEL) {
                // Cut short, two long ids could become one and merge two people.
                problems.accept(new ImportProblem(line, columns.header(field), "longer than " + MAX_LABEL
                        + " characters"));
                ok = false;
            }
        }
        Map<String, String> attributes = columns.attributes(cells);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String value = attribute.getValue();
            if (value.codePointCount(0, value.length()) > MAX_ATTRIBUTE) {
                problems.accept(new ImportProblem(line, attribute.getKey(), "longer than " + MAX_ATTRIBUTE
                        + " characters"));
                ok = false;
            }
        }
        String externalId = TextNormalizer.label(columns.value(cells, "externalId"));
        String email = columns.value(cells, "email");
        String phone = columns.value(cells, "phone");
        String language = columns.value(cells, "language");
        if (email != null) {
            String typed = email;
            email = email.toLowerCase(Locale.ROOT);
            if (!ContactAddresses.isEmail(email)) {
                problems.accept(new ImportProblem(line, columns.header("email"),
                        "'" + typed + "' is not an e-mail address"));
                ok = false;
            }
        }
        if (phone != null && !ContactAddresses.isPhone(phone)) {
            problems.accept(new ImportProblem(line, columns.header("phone"), "'" + phone + "' is not a phone number"));
            ok = false;
        }
        if (language != null) {
            String tag = Locale.forLanguageTag(language.replace('_', '-')).toLanguageTag();
            if (!LANGUAGES.contains(Locale.forLanguageTag(tag).getLanguage()) || "und".equals(tag)) {
                problems.accept(new ImportProblem(line, columns.header("language"),
                        "'" + language + "' is not a language code such as da or en"));
                ok = false;
            }
            language = tag;
        }
        String key = externalId != null ? externalId : email;
        String keyColumn = externalId != null || !columns.has("email") ? columns.header("externalId")
                : columns.header("email");
        if (key == null) {
            problems.accept(new ImportProblem(line, keyColumn, "needs an external id or an e-mail address"));
            return null;
        }
        int earlier = keys.firstLine(key, line);
        if (earlier != 0) {
            problems.accept(new ImportProblem(line, keyColumn, "'" + key + "' is already on line " + earlier));
            ok = false;
        }
        if (!ok) {
            return null;
        }
        String name = TextNormalizer.label(columns.value(cells, "name"));
        String company = TextNormalizer.label(columns.value(cells, "company"));
        return new ContactRow(line, key, externalId == null, email, phone, name, company, language, attributes);
    }
}
