package org.tapscore.server.export;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.tapscore.server.admin.AdminAuth;
import org.tapscore.server.admin.ApiKeys;
import org.tapscore.server.admin.ResponseFilter;
import org.tapscore.server.admin.ResponseList;
import org.tapscore.server.web.ApiException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code GET /api/v1/responses/export.csv} and {@code export.xlsx}: the responses the list's filters select
 * (same query parameters), for an API key or a signed-in admin UI user. Rows stream out as they are read.
 * CSV is UTF-8 with a byte order mark, so Excel opens æøå, 中文 and emoji correctly.
 */
public final class ExportApi implements HttpService {
    private final ResponseList responses;
    private final ApiKeys apiKeys;
    private final AdminAuth auth;
    private final ZoneId defaultZone;

    public ExportApi(ResponseList responses, ApiKeys apiKeys, AdminAuth auth, ZoneId defaultZone) {
        this.responses = responses;
        this.apiKeys = apiKeys;
        this.auth = auth;
        this.defaultZone = defaultZone;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/export.csv", this::csv).get("/export.xlsx", this::xlsx);
    }

    private ResponseFilter authorizedFilter(ServerRequest req) {
        if (!apiKeys.isAuthenticated(req) && auth.session(req).isEmpty()) {
            throw ApiException.unauthorized("Send an API key as 'Authorization: Bearer <key>' or sign in at /admin");
        }
        return ResponseFilter.parse(req.query(), defaultZone);
    }

    private void csv(ServerRequest req, ServerResponse res) {
        ResponseFilter filter = authorizedFilter(req);
        headers(res, "text/csv; charset=UTF-8", "responses.csv");
        try (OutputStream out = res.outputStream();
             Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(ExportColumns.HEADERS.toArray(String[]::new)).get());
            responses.each(filter, row -> {
                try {
                    csv.printRecord(ExportColumns.values(row, filter.zone()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void xlsx(ServerRequest req, ServerResponse res) {
        ResponseFilter filter = authorizedFilter(req);
        headers(res, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "responses.xlsx");
        // Streaming workbook: only a window of rows is kept in memory, the rest goes to a temporary file.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("Responses");
            Row header = sheet.createRow(0);
            for (int i = 0; i < ExportColumns.HEADERS.size(); i++) {
                header.createCell(i).setCellValue(ExportColumns.HEADERS.get(i));
            }
            int[] next = {1};
            responses.each(filter, row -> {
                Row line = sheet.createRow(next[0]++);
                List<Object> values = ExportColumns.values(row, filter.zone());
                for (int i = 0; i < values.size(); i++) {
                    Cell cell = line.createCell(i);
                    if (values.get(i) instanceof Integer number) {
                        cell.setCellValue(number);
                    } else {
                        cell.setCellValue((String) values.get(i));
                    }
                }
            });
            try (OutputStream out = res.outputStream()) {
                workbook.write(out);
            }
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void headers(ServerResponse res, String type, String file) {
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header("X-Content-Type-Options", "nosniff");
    }
}
