package org.tapscore.server.contact;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.admin.AdminAuth;
import org.tapscore.server.admin.AdminForm;
import org.tapscore.server.admin.AdminPages;
import org.tapscore.server.admin.Sessions;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Json;
import org.tapscore.server.web.MultipartForm;
import org.tapscore.server.web.RequestBodies;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /admin/contacts}: the contact count, the latest imports and, for admins, an upload form. An upload is
 * checked first and its report shown (line, column and reason of each bad row); the import itself is a second
 * click. Both run in the background: {@code admin-import.js} polls the status and moves a progress bar, and without
 * JavaScript the form post waits a few seconds for the result and a reload shows where the job is.
 */
public final class ContactViews implements HttpService {
    private static final int PROBLEMS_SHOWN = 100;
    private static final Duration NO_SCRIPT_WAIT = Duration.ofSeconds(10);
    /** Room for the form's other fields and part headers around the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    private final AdminAuth auth;
    private final AdminPages pages;
    private final ImportJobs jobs;
    private final ImportHistory history;
    private final RequestBodies formBodies;
    private final long maxFileBytes;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;

    public ContactViews(AdminAuth auth, AdminPages pages, ImportJobs jobs, ImportHistory history,
                        RequestBodies formBodies, long maxFileBytes, java.time.Clock clock, java.time.ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.auth = auth;
        this.pages = pages;
        this.jobs = jobs;
        this.history = history;
        this.formBodies = formBodies;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/contacts", this::list)
                .post("/contacts", this::upload)
                .get("/contacts/imports/{id}", this::show)
                .get("/contacts/imports/{id}/status", this::status)
                .post("/contacts/imports/{id}", this::importChecked);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Sessions.Session session = auth.session(req).orElse(null);
        if (session == null) {
            AdminPages.redirect(res, "/admin/login");
            return;
        }
        pages.send(res, Status.OK_200, "contacts", session, Map.of(
                "contactCount", history.contactCount(),
                "imports", history.latest(10, clock.instant(), zone), "zone", zone.getId(),
                "maxMegabytes", maxFileBytes >> 20));
    }

    private void upload(ServerRequest req, ServerResponse res) {
        // Role and size are checked before a byte of the file is read.
        Sessions.Session signedIn = requireAdmin(req);
        long limit = maxFileBytes + FORM_OVERHEAD;
        if (req.headers().contentLength().orElse(0) > limit) {
            throw ApiException.fileTooLarge(maxFileBytes);
        }
        MultipartForm form;
        try (InputStream body = req.content().inputStream()) {
            form = MultipartForm.read(body, req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null), maxFileBytes,
                    ApiException::fileTooLarge);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (e instanceof ApiException) {
                throw e;
            }
            throw ApiException.clientGone(); // a body malformed on the way (bad chunk sizes), as for any other form
        }
        try {
            auth.requireAdminForm(req, form.field("csrf"));
            if (form.file() == null) {
                throw ApiException.badRequest("empty-file", "Choose a CSV or XLSX file to upload");
            }
        } catch (RuntimeException e) {
            form.delete();
            throw e;
        }
        ImportJob job = jobs.check(form.file(), form.fileName().isEmpty() ? "upload" : form.fileName(),
                signedIn.user().email());
        if (!"0".equals(form.field("wait"))) {
            ImportJobs.await(job, NO_SCRIPT_WAIT);
        }
        AdminPages.redirect(res, "/admin/contacts/imports/" + job.id());
    }

    private void importChecked(ServerRequest req, ServerResponse res) {
        requireAdmin(req);
        AdminForm form = AdminForm.parse(formBodies.text(req));
        auth.requireAdminForm(req, form.csrf());
        ImportJob job = jobs.start(id(req), "true".equals(form.get("skipInvalid")));
        if (!"0".equals(form.get("wait"))) {
            ImportJobs.await(job, NO_SCRIPT_WAIT);
        }
        AdminPages.redirect(res, "/admin/contacts/imports/" + job.id());
    }

    private void show(ServerRequest req, ServerResponse res) {
        Sessions.Session session = requireAdmin(req);
        ImportJob job = jobs.find(id(req)).orElseThrow(ImportJobs::unknown);
        Map<String, Object> model = new HashMap<>();
        model.put("job", job);
        model.put("phase", job.phase().key());
        model.put("running", job.phase().running());
        model.put("text", job.describe());
        model.put("value", job.progressValue());
        model.put("max", job.progressMax());
        ImportResult report = job.phase() == ImportJob.Phase.DONE ? job.outcome() : job.check();
        List<ImportProblem> problems = report == null ? List.of() : report.problems();
        model.put("report", report);
        model.put("problems", problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())));
        model.put("problemCount", problems.size());
        model.put("problemsTruncated", report != null && report.problemsTruncated());
        pages.send(res, Status.OK_200, "contact-import", session, model);
    }

    private void status(ServerRequest req, ServerResponse res) {
        requireAdmin(req);
        ImportJob job = jobs.find(id(req)).orElseThrow(ImportJobs::unknown);
        res.header("Cache-Control", "no-store");
        Json.send(res, Status.OK_200, job.status());
    }

    private Sessions.Session requireAdmin(ServerRequest req) {
        Sessions.Session session = auth.session(req)
                .orElseThrow(() -> ApiException.unauthorized("Sign in at /admin/login first"));
        if (!session.user().role().canChangeSettings()) {
            throw ApiException.forbidden("admin-only", "Only admins may import contacts");
        }
        return session;
    }

    private static UUID id(ServerRequest req) {
        try {
            return UUID.fromString(req.path().pathParameters().get("id"));
        } catch (IllegalArgumentException e) {
            throw ImportJobs.unknown();
        }
    }
}
