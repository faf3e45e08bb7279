package org.tapscore.server.admin;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.web.ApiException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is signed in, from the session cookie, and the CSRF checks. The cookie is {@code HttpOnly} (scripts never
 * see it), {@code Secure} (browsers treat http://localhost as secure, so development still works) and
 * {@code SameSite=Strict} (no other site can make the browser send it).
 */
public final class AdminAuth {
    public static final String SESSION_COOKIE = "tapscore_session";
    static final String LOGIN_COOKIE = "tapscore_login";

    private final Sessions sessions;
    private final byte[] loginKey;

    public AdminAuth(Sessions sessions, byte[] loginKey) {
        this.sessions = sessions;
        this.loginKey = loginKey.clone();
    }

    public Optional<Sessions.Session> session(ServerRequest req) {
        return cookie(req, SESSION_COOKIE).flatMap(sessions::find);
    }

    /** The session of a POSTed form whose CSRF token matches; otherwise a 403. */
    public Sessions.Session requireForm(ServerRequest req, String postedToken) {
        Sessions.Session session = session(req)
                .orElseThrow(() -> ApiException.unauthorized("Sign in at /admin/login first"));
        if (!session.csrfMatches(postedToken)) {
            throw ApiException.forbidden("bad-csrf-token", "The form is stale or was not sent from this site; reload it");
        }
        return session;
    }

    /** Same as {@link #requireForm} and the user must be an admin. */
    public Sessions.Session requireAdminForm(ServerRequest req, String postedToken) {
        Sessions.Session session = requireForm(req, postedToken);
        if (!session.user().role().canChangeSettings()) {
            throw ApiException.forbidden("admin-only", "Only admins may do this; viewers can look but not change");
        }
        return session;
    }

    public String startSession(ServerResponse res, AdminUser user) {
        String token = sessions.start(user.id());
        res.headers().add(io.helidon.http.HeaderNames.SET_COOKIE, SESSION_COOKIE + "=" + token
                + "; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=" + Sessions.LIFETIME.toSeconds());
        return token;
    }

    public void endSession(ServerRequest req, ServerResponse res) {
        cookie(req, SESSION_COOKIE).ifPresent(sessions::end);
        res.headers().add(io.helidon.http.HeaderNames.SET_COOKIE,
                SESSION_COOKIE + "=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0");
    }

    /**
     * The login form's CSRF token. There is no session yet, so the token is bound to a random pre-login cookie
     * instead: an HMAC of it under a server secret, which another site can neither read nor compute.
     */
    public String loginToken(ServerRequest req, ServerResponse res) {
        String value = cookie(req, LOGIN_COOKIE).filter(v -> v.length() == 43).orElse(null);
        if (value == null) {
            value = Sessions.random();
            res.headers().add(io.helidon.http.HeaderNames.SET_COOKIE, LOGIN_COOKIE + "=" + value
                    + "; Path=/admin; HttpOnly; Secure; SameSite=Strict");
        }
        return sign(value);
    }

    public boolean loginTokenMatches(ServerRequest req, String posted) {
        return posted != null && cookie(req, LOGIN_COOKIE)
                .map(value -> MessageDigest.isEqual(sign(value).getBytes(StandardCharsets.UTF_8),
                        posted.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    /**
     * Whether the browser sent the login form's cookie back at all. It does not over plain HTTP to any host but
     * localhost (the cookie is {@code Secure}), which is worth telling apart from a form left open too long.
     */
    public boolean hasLoginCookie(ServerRequest req) {
        return cookie(req, LOGIN_COOKIE).isPresent();
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(loginKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> cookie(ServerRequest req, String name) {
        return req.headers().cookies().first(name).asOptional();
    }
}
