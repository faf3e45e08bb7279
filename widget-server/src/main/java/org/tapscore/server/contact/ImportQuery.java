package org.tapscore.server.contact;

import org.tapscore.server.web.ApiException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.tapscore.server.contact.ColumnMapping.shorten;

/**
 * The import API's query string, read strictly from its raw text. A misread flag imports a file for real: the web
 * server drops a bare {@code ?dryRun} (no {@code =}), and a misspelt {@code ?dryrun=true} would be ignored, so
 * both are read here by hand, and every parameter must be one of the three and given once.
 *
 * @param dryRun      only check the file
 * @param skipInvalid import the valid rows of a file that has bad ones
 * @param columns     explicit field-to-header mapping ({@code externalId=Kunde nr;email=Mail})
 */
record ImportQuery(boolean dryRun, boolean skipInvalid, Map<String, String> columns) {
    private static final List<String> NAMES = List.of("dryRun", "skipInvalid", "columns");

    static ImportQuery parse(String rawQuery) {
        Map<String, String> given = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? null : decode(pair.substring(equals + 1));
                if (!NAMES.contains(name)) {
                    throw ApiException.badRequest("bad-parameter", "Unknown parameter '" + shorten(name) + "'; use "
                            + "dryRun, skipInvalid or columns");
                }
                if (given.containsKey(name)) {
                    throw ApiException.badRequest("bad-parameter", "Give ?" + name + " once");
                }
                given.put(name, value);
            }
        }
        return new ImportQuery(flag(given, "dryRun"), flag(given, "skipInvalid"), columns(given.get("columns")));
    }

    /** True, false, or the bare name for true; anything else is refused rather than guessed. */
    private static boolean flag(Map<String, String> given, String name) {
        if (!given.containsKey(name)) {
            return false;
        }
        String value = given.get(name) == null ? "" : given.get(name).strip();
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiException.badRequest("bad-parameter", "Write ?" + name + "=true or ?" + name + "=false, not '"
                + shorten(value) + "'");
    }

    private static Map<String, String> columns(String text) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (text == null) {
            return mapping;
        }
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw ApiException.badRequest("bad-mapping", "Write columns as field=Header;field=Header");
            }
            String field = pair.substring(0, equals).strip();
            if (mapping.put(field, pair.substring(equals + 1).strip()) != null) {
                throw ApiException.badRequest("bad-mapping", "The mapping names the field '" + shorten(field)
                        + "' twice");
            }
        }
        return mapping;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad-parameter", "The query string has a malformed %-escape");
        }
    }
}
