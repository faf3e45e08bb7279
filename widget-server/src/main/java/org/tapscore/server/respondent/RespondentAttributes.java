package org.tapscore.server.respondent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.tapscore.server.web.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/** A respondent's free attributes, kept as a JSON object in one text column; read back in their stored order. */
public final class RespondentAttributes {
    private static final TypeReference<LinkedHashMap<String, Object>> TYPE = new TypeReference<>() { };

    private RespondentAttributes() {
    }

    /**
     * The attributes, or none for an empty column. Attributes are only ever written as a JSON object; a row edited
     * by hand into something else reads as none rather than stopping a wave, an import or a profile.
     */
    public static Map<String, Object> parse(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> parsed = Json.mapper().readValue(json, TYPE);
            return parsed == null ? Map.of() : parsed;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
