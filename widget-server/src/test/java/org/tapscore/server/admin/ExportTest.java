package org.tapscore.server.admin;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV and XLSX exports: formula cells neutralised, UTF-8 with a BOM, filters applied, access checked. */
class ExportTest {
    static final List<String> DANGEROUS = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "@SUM(A1)", "-2+3");
    static final List<String> TEXTS = List.of("Blåbær", "中文", "emoji 😀👍🏽");

    @Test
    void csvAndXlsxAreSafeAndKeepEveryCharacter() throws Exception {
        try (TestServer server = TestServer.start(TestDatabases.h2(), 10_000, Clock.systemUTC(),
                AdminSettings.defaults().withAdmin(AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD))) {
            String campaign = Seed.campaign(server, "NPS", "TOUCHPOINT");
            Instant at = Instant.parse("2026-06-01T12:00:00Z");
            for (String text : DANGEROUS) {
                Seed.answer(server, campaign, 3, "API", "=HYPERLINK(\"http://x\",\"y\")", at, text, null);
            }
            for (String text : TEXTS) {
                Seed.answer(server, campaign, 9, "API", null, at, text, null);
            }
            Seed.answer(server, Seed.campaign(server, "NPS", "TOUCHPOINT"), 9, "API", null, at, "other campaign", null);

            HttpResponse<byte[]> csv = bytes(server, "/api/v1/responses/export.csv?campaign=" + campaign,
                    "Authorization", "Bearer " + TestServer.ADMIN_KEY);
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            byte[] body = csv.body();
            assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(body, 3));
            String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text)).getRecords();
            assertEquals(7, records.size());
            Set<String> comments = new HashSet<>();
            for (CSVRecord record : records) {
                comments.add(record.get("comment"));
                if (record.get("score").equals("3")) {
                    assertEquals("'=HYPERLINK(\"http://x\",\"y\")", record.get("location"));
                }
            }
            for (String dangerous : DANGEROUS) {
                assertTrue(comments.contains("'" + dangerous), comments.toString());
            }
            assertTrue(comments.containsAll(TEXTS), comments.toString());

            HttpResponse<byte[]> xlsx = bytes(server, "/api/v1/responses/export.xlsx?campaign=" + campaign + "&score=3",
                    "Authorization", "Bearer " + TestServer.ADMIN_KEY);
            assertEquals(200, xlsx.statusCode());
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = workbook.getSheetAt(0);
                assertEquals(4, sheet.getLastRowNum(), "header and the four score-3 rows");
                Set<String> cells = new HashSet<>();
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    Row row = sheet.getRow(i);
                    cells.add(row.getCell(6).getStringCellValue());
                    assertEquals(3.0, row.getCell(4).getNumericCellValue());
                    assertEquals(org.apache.poi.ss.usermodel.CellType.STRING, row.getCell(6).getCellType());
                    assertEquals("'=HYPERLINK(\"http://x\",\"y\")", row.getCell(9).getStringCellValue());
                }
                for (String dangerous : DANGEROUS) {
                    assertTrue(cells.contains("'" + dangerous), cells.toString());
                }
            }
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes(server,
                    "/api/v1/responses/export.xlsx?campaign=" + campaign + "&score=9",
                    "Authorization", "Bearer " + TestServer.ADMIN_KEY).body()))) {
                Set<String> cells = new HashSet<>();
                Sheet sheet = workbook.getSheetAt(0);
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    cells.add(sheet.getRow(i).getCell(6).getStringCellValue());
                }
                assertEquals(new HashSet<>(TEXTS), cells);
            }

            assertEquals(401, bytes(server, "/api/v1/responses/export.csv?campaign=" + campaign).statusCode());
            AdminClient admin = AdminClient.signedIn(server, AdminClient.ADMIN_EMAIL, AdminClient.ADMIN_PASSWORD);
            HttpResponse<String> bySession = admin.get("/api/v1/responses/export.csv?campaign=" + campaign + "&q=" + java.net.URLEncoder.encode("中文", StandardCharsets.UTF_8));
            assertEquals(200, bySession.statusCode());
            assertEquals(2, bySession.body().strip().split("\r\n").length, "header and one row");
        }
    }

    private static HttpResponse<byte[]> bytes(TestServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl()
                + path.replace("中文", java.net.URLEncoder.encode("中文", StandardCharsets.UTF_8)))).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return server.http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
