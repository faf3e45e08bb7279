package org.tapscore.server.contact;

import org.tapscore.server.web.ApiException;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which column of the file holds which field. Headers are recognised in English and Danish ("E-mail",
 * "Telefon", "Firma", "Sprog"…); an explicit mapping such as {@code externalId=Kunde nr;email=Mail} wins.
 * Every other column becomes a free attribute of the respondent, named by its header.
 */
final class ColumnMapping {
    static final List<String> FIELDS = List.of("externalId", "email", "phone", "name", "company", "language");
    private static final Map<String, Set<String>> SYNONYMS = Map.of(
            "externalId", Set.of("externalid", "external id", "external_id", "id", "customer id", "customer no",
                    "kundenummer", "kundenr", "kunde nr", "kunde-id", "crm id"),
            "email", Set.of("email", "e-mail", "mail", "e-mailadresse", "email address", "e-mail address"),
            "phone", Set.of("phone", "telefon", "telefonnummer", "mobil", "mobile", "tlf", "phone number"),
            "name", Set.of("name", "navn", "full name", "fulde navn", "contact"),
            "company", Set.of("company", "firma", "virksomhed", "organisation", "organization", "account"),
            "language", Set.of("language", "sprog", "lang", "locale"));

    /** Attributes are for selecting people ("Region", "Tier"), not for storing whole records. */
    static final int MAX_ATTRIBUTES = 50;
    static final int MAX_ATTRIBUTE_NAME = 100;
    private static final int SHOWN_HEADERS = 20;
    private static final int SHOWN_LENGTH = 40;

    private final Map<String, Integer> fields;
    private final Map<Integer, String> attributes;
    private final List<String> headers;
    private final List<Integer> unnamed;

    private ColumnMapping(Map<String, Integer> fields, Map<Integer, String> attributes, List<String> headers) {
        this.fields = fields;
        this.attributes = attributes;
        this.headers = headers;
        this.unnamed = java.util.stream.IntStream.range(0, headers.size())
                .filter(i -> headers.get(i).isBlank() && !fields.containsValue(i)).boxed().toList();
    }

    /** Reads the header row; {@code explicit} maps field names to header texts and may be empty. */
    static ColumnMapping of(List<String> headers, Map<String, String> explicit) {
        Map<String, Integer> fields = new HashMap<>();
        explicit.forEach((field, header) -> {
            if (!FIELDS.contains(field)) {
                throw ApiException.badRequest("bad-mapping", "Unknown field '" + shorten(field) + "'; use " + FIELDS);
            }
            int index = indexOf(headers, header);
            if (index < 0) {
                throw ApiException.badRequest("bad-mapping", "The file has no column '" + shorten(header) + "'");
            }
            fields.put(field, index);
        });
        for (int i = 0; i < headers.size(); i++) {
            String header = normal(headers.get(i));
            for (String field : FIELDS) {
                if (fields.containsValue(i) || !SYNONYMS.get(field).contains(header)) {
                    continue;
                }
                if (explicit.containsKey(field)) {
                    continue; // the caller named the column to use; this one stays an attribute
                }
                if (fields.containsKey(field)) {
                    // "E-mail" and "email" side by side: which one holds the address is anyone's guess.
                    String first = headers.get(fields.get(field));
                    throw ApiException.badRequest("bad-mapping", "The columns '" + shorten(first) + "' and '"
                            + shorten(headers.get(i)) + "' both name the " + field + " field; rename or remove one "
                            + "of them, or name the one to use in ?columns=");
                }
                fields.put(field, i);
            }
        }
        if (!fields.containsKey("externalId") && !fields.containsKey("email")) {
            throw ApiException.badRequest("bad-mapping", "The file needs a column with an external id or an e-mail "
                    + "address (headers seen: " + shortList(headers) + ")");
        }
        Map<Integer, String> attributes = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).strip();
            if (!header.isEmpty() && !seen.add(normal(header))) {
                // Two columns of one name: which one holds the e-mail address (or the attribute) is anyone's guess.
                throw ApiException.badRequest("bad-mapping", "The header names the column '" + shorten(header)
                        + "' twice; rename or remove one of them");
            }
            if (!fields.containsValue(i) && !header.isEmpty()) {
                if (header.codePointCount(0, header.length()) > MAX_ATTRIBUTE_NAME) {
                    throw ApiException.badRequest("bad-mapping", "The column header '" + shorten(header)
                            + "' is longer than " + MAX_ATTRIBUTE_NAME + " characters; is the first row data?");
                }
                if (header.indexOf('"') >= 0 || header.indexOf('\\') >= 0) {
                    // Waves select by attribute and refuse such names; an attribute nobody can select by is no use.
                    throw ApiException.badRequest("bad-mapping", "The column header '" + shorten(header)
                            + "' has a quote or a backslash, which attribute names may not have");
                }
                attributes.put(i, header);
            }
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw ApiException.badRequest("bad-mapping", "The file has " + attributes.size() + " columns besides "
                    + "the contact fields; at most " + MAX_ATTRIBUTES + " can be kept as attributes");
        }
        return new ColumnMapping(fields, attributes, List.copyOf(headers));
    }

    String value(List<String> cells, String field) {
        Integer index = fields.get(field);
        if (index == null || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** The columns without a header: whatever is in them has nowhere to go. */
    List<Integer> unnamed() {
        return unnamed;
    }

    /** How many columns the header has; a row must have as many cells. */
    int width() {
        return headers.size();
    }

    /** The header of the column at {@code index}, for problem reports. */
    String headerAt(int index) {
        return index < headers.size() ? shorten(headers.get(index)) : "column " + (index + 1);
    }

    /** The column's header as people see it, for problem reports. */
    String header(String field) {
        Integer index = fields.get(field);
        return index == null ? field : headers.get(index);
    }

    Map<String, String> attributes(List<String> cells) {
        Map<String, String> values = new LinkedHashMap<>();
        attributes.forEach((index, name) -> {
            if (index < cells.size() && !cells.get(index).isBlank()) {
                values.put(name, cells.get(index).strip());
            }
        });
        return values;
    }

    /** The headers of the columns that become free attributes. */
    Collection<String> attributeNames() {
        return attributes.values();
    }

    boolean has(String field) {
        return fields.containsKey(field);
    }

    /**
     * The headers for a message: a file whose "header" is really a line of data, or a binary file read as text,
     * must not turn the answer into pages of it.
     */
    static String shortList(List<String> headers) {
        List<String> shown = headers.stream().limit(SHOWN_HEADERS).map(ColumnMapping::shorten).toList();
        return shown + (headers.size() > SHOWN_HEADERS ? " and " + (headers.size() - SHOWN_HEADERS) + " more" : "");
    }

    /** A header or other text from the request, cut for a message. */
    static String shorten(String text) {
        String stripped = text.strip();
        return stripped.length() <= SHOWN_LENGTH ? stripped : stripped.substring(0, SHOWN_LENGTH) + "…";
    }

    private static int indexOf(List<String> headers, String header) {
        for (int i = 0; i < headers.size(); i++) {
            if (normal(headers.get(i)).equals(normal(header))) {
                return i;
            }
        }
        return -1;
    }

    private static String normal(String header) {
        return header.strip().replace('\uFEFF', ' ').strip().toLowerCase(Locale.ROOT);
    }
}
