package org.tapscore.server.admin;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.ClientAddress;
import org.tapscore.server.web.RateLimiter;
import org.tapscore.server.web.RequestBodies;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** {@code /admin/login}, {@code /admin/logout} and {@code /admin/settings} (users; admins only may change them). */
public final class AdminViews implements HttpService {
    private final AdminAuth auth;
    private final Users users;
    private final AdminPages pages;
    private final RequestBodies bodies;
    private final RateLimiter logins;
    private final ClientAddress clientAddress;
    private final ShareLinks shareLinks;
    private final org.tapscore.server.campaign.CampaignService campaigns;
    private final String publicUrl;

    public AdminViews(AdminAuth auth, Users users, AdminPages pages, RequestBodies bodies, RateLimiter logins,
                      ClientAddress clientAddress, ShareLinks shareLinks,
                      org.tapscore.server.campaign.CampaignService campaigns, String publicUrl) {
        this.shareLinks = shareLinks;
        this.campaigns = campaigns;
        this.publicUrl = publicUrl;
        this.auth = auth;
        this.users = users;
        this.pages = pages;
        this.bodies = bodies;
        this.logins = logins;
        this.clientAddress = clientAddress;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/login", this::loginForm)
                .post("/login", this::login)
                .post("/logout", this::logout)
                .get("/settings", this::settings)
                .post("/settings/users", this::addUser)
                .post("/settings/time-zone", this::timeZone)
                .post("/settings/share-links", this::createShareLink)
                .post("/settings/share-links/{id}/revoke", this::revokeShareLink);
    }

    private void loginForm(ServerRequest req, ServerResponse res) {
        if (auth.session(req).isPresent()) {
            AdminPages.redirect(res, "/admin");
            return;
        }
        showLogin(req, res, Status.OK_200, null, "");
    }

    private void showLogin(ServerRequest req, ServerResponse res, Status status, String error, String email) {
        pages.send(res, status, "login", null, Map.of("loginCsrf", auth.loginToken(req, res),
                "error", error == null ? "" : error, "email", email == null ? "" : email));
    }

    private void login(ServerRequest req, ServerResponse res) {
        // Slows password guessing from one address; the PBKDF2 cost slows it further.
        logins.acquire("login " + clientAddress.of(req));
        AdminForm form = AdminForm.parse(bodies.text(req));
        if (!auth.loginTokenMatches(req, form.csrf())) {
            showLogin(req, res, Status.FORBIDDEN_403, auth.hasLoginCookie(req)
                    ? "The form expired. Please sign in again."
                    : "Your browser did not send the sign-in cookie back. Signing in needs cookies and an https:// "
                            + "address (plain http:// works only as http://localhost).", form.get("email"));
            return;
        }
        Optional<AdminUser> user = users.authenticate(form.get("email"), form.get("password"));
        if (user.isEmpty()) {
            showLogin(req, res, Status.UNAUTHORIZED_401, "Wrong e-mail address or password.", form.get("email"));
            return;
        }
        auth.startSession(res, user.get());
        AdminPages.redirect(res, "/admin");
    }

    private void logout(ServerRequest req, ServerResponse res) {
        auth.requireForm(req, AdminForm.parse(bodies.text(req)).csrf());
        auth.endSession(req, res);
        AdminPages.redirect(res, "/admin/login");
    }

    private void settings(ServerRequest req, ServerResponse res) {
        Optional<Sessions.Session> session = auth.session(req);
        if (session.isEmpty()) {
            AdminPages.redirect(res, "/admin/login");
            return;
        }
        showSettings(res, session.get(), req.query().first("saved").orElse(""), "");
    }

    private void showSettings(ServerResponse res, Sessions.Session session, String saved, String newLink) {
        pages.send(res, Status.OK_200, "settings", session, Map.of("users", users.list(), "saved", saved,
                "links", shareLinks.list(), "campaigns", campaigns.list(), "newLink", newLink));
    }

    private void createShareLink(ServerRequest req, ServerResponse res) {
        AdminForm form = AdminForm.parse(bodies.text(req));
        Sessions.Session session = auth.requireAdminForm(req, form.csrf());
        String campaign = campaigns.get(String.valueOf(form.get("campaign"))).id();
        // Shown in this answer only; the database keeps the hash.
        showSettings(res, session, "", publicUrl + "/admin/shared/" + shareLinks.create(campaign));
    }

    private void revokeShareLink(ServerRequest req, ServerResponse res) {
        AdminForm form = AdminForm.parse(bodies.text(req));
        auth.requireAdminForm(req, form.csrf());
        try {
            shareLinks.revoke(java.util.UUID.fromString(req.path().pathParameters().get("id")));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("unknown-share-link", "There is no such link");
        }
        AdminPages.redirect(res, "/admin/settings?saved=link");
    }

    private void addUser(ServerRequest req, ServerResponse res) {
        AdminForm form = AdminForm.parse(bodies.text(req));
        auth.requireAdminForm(req, form.csrf());
        Role role;
        try {
            role = Role.valueOf(String.valueOf(form.get("role")));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad-role", "The role must be ADMIN or VIEWER");
        }
        users.create(form.get("email"), form.get("password"), role);
        AdminPages.redirect(res, "/admin/settings?saved=user");
    }

    private void timeZone(ServerRequest req, ServerResponse res) {
        AdminForm form = AdminForm.parse(bodies.text(req));
        Sessions.Session session = auth.requireForm(req, form.csrf());
        String zone = form.get("tz");
        try {
            users.setTimeZone(session.user().id(), ZoneId.of(String.valueOf(zone)).getId());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad-time-zone", "Choose a time zone such as Europe/Copenhagen");
        }
        AdminPages.redirect(res, "/admin/settings?saved=tz");
    }
}
