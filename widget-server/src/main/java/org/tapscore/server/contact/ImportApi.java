package org.tapscore.server.contact;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.web.ApiException;
import org.tapscore.server.web.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/v1/imports} (API key): a contact list as the request body, CSV or XLSX.
 * The query ({@link ImportQuery}): {@code ?dryRun=true} only validates; {@code ?skipInvalid=true} imports the valid
 * rows of a file with bad ones; {@code ?columns=externalId=Kunde nr;email=Mail} names columns whose headers are not
 * recognised.
 * A file with problems is refused whole (422) with every problem listed by line and column.
 */
public final class ImportApi implements HttpService {
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /**
     * What spreadsheets, CRMs and HTTP tools send a CSV or XLSX file as; form-urlencoded is what curl declares for
     * {@code --data-binary @list.csv} when no type is given.
     */
    private static final Set<String> FILE_TYPES = Set.of("text/csv", "text/plain", "text/tab-separated-values",
            "text/comma-separated-values", "application/csv", "application/vnd.ms-excel", "application/octet-stream",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/x-www-form-urlencoded");

    private final ContactImporter importer;
    private final ImportHistory history;
    private final ApiKeys apiKeys;
    private final Clock clock;

    public ImportApi(ContactImporter importer, ImportHistory history, ApiKeys apiKeys, Clock clock) {
        this.importer = importer;
        this.history = history;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/", this::importContacts)
                .any("/", (req, res) -> {
                    throw ApiException.methodNotAllowed();
                });
    }

    private void importContacts(ServerRequest req, ServerResponse res) {
        apiKeys.require(req);
        requireFileType(req);
        ImportQuery query = ImportQuery.parse(req.query().rawValue());
        boolean dryRun = query.dryRun();
        boolean skipInvalid = query.skipInvalid();
        Map<String, String> mapping = query.columns();
        Path file = spool(req);
        Instant started = clock.instant();
        ImportResult result = null;
        String failure = "the contacts could not be stored; nothing was changed";
        try {
            result = importer.run(isXlsx(file) ? new XlsxSource(file) : new CsvSource(file), mapping,
                    dryRun, skipInvalid);
            if (result.status().equals("rejected")) {
                failure = result.invalid() + " rows have problems; nothing was stored";
                throw ApiException.unprocessableWith("invalid-rows", result.invalid() + " of " + result.rows()
                        + " rows have problems; fix them, or import with ?skipInvalid=true", Map.of("report", result));
            }
            Json.send(res, Status.OK_200, result);
        } catch (ApiException e) {
            failure = result == null ? e.getMessage() : failure;
            throw e;
        } finally {
            if (!dryRun) {
                // Imports from a CRM or a script show in the admin page's history beside the page's own.
                boolean applied = result != null && result.status().equals("applied");
                history.recorded(fileName(req), "API key", started, clock.instant(), result,
                        applied && skipInvalid ? result.invalid() : 0, applied ? null : failure);
            }
            delete(file);
        }
    }

    /**
     * The body must be the file itself. A multipart form (curl's {@code -F}) would otherwise be read as a CSV whose
     * header is the form's boundary; other declared types are not contact lists either.
     */
    private static void requireFileType(ServerRequest req) {
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isEmpty()) {
            return;
        }
        String declared = type.get().mediaType().type() + "/" + type.get().mediaType().subtype();
        if (declared.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw ApiException.unsupportedMediaType("the file itself, not a form: curl --data-binary @list.csv "
                    + "-H 'Content-Type: text/csv'");
        }
        if (!FILE_TYPES.contains(declared.toLowerCase(Locale.ROOT))) {
            throw ApiException.unsupportedMediaType("text/csv or an Excel workbook ("
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet), not " + declared);
        }
    }

    /** The name a client gave in {@code Content-Disposition: attachment; filename="…"}, for the history. */
    private static String fileName(ServerRequest req) {
        return UploadFileName.of(req.headers().first(HeaderNames.CONTENT_DISPOSITION).orElse(null))
                .orElse("upload through the API");
    }

    /** Streams the upload to a temporary file: bounded memory for any size up to the cap. */
    private static Path spool(ServerRequest req) {
        req.headers().contentLength().ifPresent(length -> {
            if (length > MAX_FILE_BYTES) {
                throw ApiException.fileTooLarge(MAX_FILE_BYTES);
            }
        });
        Path file;
        try {
            file = Files.createTempFile("tapscore-import", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            try (InputStream in = req.content().inputStream(); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    total += read;
                    if (total > MAX_FILE_BYTES) {
                        throw ApiException.fileTooLarge(MAX_FILE_BYTES);
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (Files.size(file) == 0) {
                throw ApiException.badRequest("empty-file", "Send the CSV or XLSX file as the request body");
            }
            return file;
        } catch (ApiException e) {
            delete(file);
            throw e;
        } catch (IOException | RuntimeException e) {
            // The body broke off or was malformed on the way (bad chunk sizes, an encoding the server does not
            // undo): the client's doing, as for every other body the server reads.
            delete(file);
            throw ApiException.clientGone();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temp file is harmless.
        }
    }

    static boolean isXlsx(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
