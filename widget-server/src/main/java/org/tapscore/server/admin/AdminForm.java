package org.tapscore.server.admin;

import io.helidon.common.parameters.Parameters;
import io.helidon.common.uri.UriQuery;

/** A posted admin form ({@code application/x-www-form-urlencoded}). */
public record AdminForm(Parameters fields) {

    public static AdminForm parse(String body) {
        return new AdminForm(UriQuery.create(body));
    }

    public String get(String name) {
        return fields.first(name).orElse(null);
    }

    public String csrf() {
        return get("csrf");
    }
}
