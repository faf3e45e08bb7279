package org.tapscore.server.admin;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.survey.ViewRenderer;

import java.util.HashMap;
import java.util.Map;

/**
 * Renders admin pages under a strict Content-Security-Policy: our own scripts and styles only, nothing inline,
 * no framing (a dashboard in someone's iframe could be click-jacked).
 */
public final class AdminPages {
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final ViewRenderer renderer;

    public AdminPages(ViewRenderer renderer) {
        this.renderer = renderer;
    }

    /** Renders {@code templates/admin/<name>.peb}; {@code session} may be null (login, shared links). */
    public void send(ServerResponse res, Status status, String name, Sessions.Session session, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.putIfAbsent("user", session == null ? null : session.user());
        all.putIfAbsent("csrf", session == null ? "" : session.csrfToken());
        all.putIfAbsent("canEdit", session != null && session.user().role().canChangeSettings());
        all.putIfAbsent("readOnly", session == null);
        res.header("Content-Security-Policy", CSP);
        res.header("X-Content-Type-Options", "nosniff");
        res.header("Referrer-Policy", "same-origin");
        renderer.send(res, status, "admin/" + name, all);
    }

    public static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303).header("Location", location).send();
    }
}
