package org.tapscore.server.contact;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tapscore.server.support.Api;
import org.tapscore.server.support.TestDatabases;
import org.tapscore.server.support.TestServer;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contact lists from CSV and XLSX, as spreadsheets and CRMs really export them. */
class ContactImportTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> upload(byte[] file, String query) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/imports" + query))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
    }

    private static String prefix() {
        return "c" + UUID.randomUUID().toString().substring(0, 6) + "-";
    }

    private static String stored(String externalId, String column) throws Exception {
        try (Connection c = server.server().components().db().connection();
             PreparedStatement ps = c.prepareStatement("select " + column + " from respondent where external_id = ?")) {
            ps.setString(1, externalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void excelStyleDanishCsvWithBomAndSemicolonsImportsAndASecondRunChangesNothing() throws Exception {
        String p = prefix();
        String csv = "\uFEFFKundenr;Navn;E-mail;Telefon;Firma;Sprog;Region\r\n"
                + p + "1;Søren Ærø;soren@example.dk;+45 12 34 56 78;Blåbær A/S;da;Jylland\r\n"
                + p + "2;\"Hansen; Lise\";LISE@example.dk;;Firma ApS;en;Sjælland\r\n";
        HttpResponse<String> first = upload(csv.getBytes(StandardCharsets.UTF_8), "");
        assertEquals(200, first.statusCode(), first.body());
        JsonNode result = Api.json(first);
        assertEquals("applied", result.get("status").asText());
        assertEquals(2, result.get("created").asInt());
        assertEquals("Søren Ærø", stored(p + "1", "name"));
        assertEquals("Hansen; Lise", stored(p + "2", "name"));
        assertEquals("lise@example.dk", stored(p + "2", "email"));
        assertEquals("{\"Region\":\"Jylland\"}", stored(p + "1", "attributes"));
        String updatedAt = stored(p + "1", "updated_at");

        JsonNode again = Api.json(upload(csv.getBytes(StandardCharsets.UTF_8), ""));
        assertEquals(0, again.get("created").asInt());
        assertEquals(0, again.get("updated").asInt());
        assertEquals(2, again.get("unchanged").asInt());
        assertEquals(updatedAt, stored(p + "1", "updated_at"), "nothing was touched");

        JsonNode changed = Api.json(upload(csv.replace("Jylland", "Fyn").getBytes(StandardCharsets.UTF_8), ""));
        assertEquals(1, changed.get("updated").asInt());
        assertEquals("{\"Region\":\"Fyn\"}", stored(p + "1", "attributes"));
    }

    @Test
    void windows1252AsExcelInDenmarkSavesItImportsCorrectly() throws Exception {
        String p = prefix();
        String csv = "Kundenr;Navn;E-mail\r\n" + p + "1;Søren Ærø;s@example.dk\r\n";
        HttpResponse<String> response = upload(csv.getBytes(Charset.forName("windows-1252")), "");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Søren Ærø", stored(p + "1", "name"));
    }

    @Test
    void badRowsAreReportedWithLineAndColumnAndNothingIsImported() throws Exception {
        String p = prefix();
        String csv = "id,email,language,name\n"
                + p + "1,ok@example.com,da,Good\n"
                + p + "2,not-an-email,da,Bad mail\n"
                + p + "3,x@example.com,zz-top,Bad language\n"
                + p + "1,dup@example.com,en,Duplicate\n"
                + ",,,No key\n";
        HttpResponse<String> refused = upload(csv.getBytes(StandardCharsets.UTF_8), "");
        JsonNode problem = Api.problem(refused, 422);
        JsonNode problems = problem.get("report").get("problems");
        assertEquals(4, problems.size(), problems.toString());
        assertEquals(3, problems.get(0).get("line").asInt());
        assertEquals("email", problems.get(0).get("column").asText());
        assertEquals(4, problems.get(1).get("line").asInt());
        assertEquals("language", problems.get(1).get("column").asText());
        assertEquals(5, problems.get(2).get("line").asInt());
        assertTrue(problems.get(2).get("reason").asText().contains("line 2"), problems.get(2).toString());
        assertEquals(6, problems.get(3).get("line").asInt());
        assertEquals(null, stored(p + "1", "name"), "nothing imported while the file has problems");

        JsonNode dryRun = Api.json(upload(csv.getBytes(StandardCharsets.UTF_8), "?dryRun=true&skipInvalid=true"));
        assertEquals("validated", dryRun.get("status").asText());
        assertEquals(null, stored(p + "1", "name"));

        JsonNode skipped = Api.json(upload(csv.getBytes(StandardCharsets.UTF_8), "?skipInvalid=true"));
        assertEquals("applied", skipped.get("status").asText());
        assertEquals(1, skipped.get("created").asInt());
        assertEquals("Good", stored(p + "1", "name"));
    }

    @Test
    void xlsxWorkbooksImportFromTheFirstSheet() throws Exception {
        String p = prefix();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("Kunder");
            String[][] rows = {{"Kundenummer", "Navn", "E-mail", "Segment"},
                    {p + "1", "Søren", "soren@example.dk", "Nøglekunde"}, {p + "2", "中文 名字", "", "B"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (!rows[r][c].isEmpty()) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(file);
        }
        HttpResponse<String> response = upload(file.toByteArray(), "");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, Api.json(response).get("created").asInt());
        assertEquals("中文 名字", stored(p + "2", "name"));
        assertEquals("{\"Segment\":\"Nøglekunde\"}", stored(p + "1", "attributes"));
    }

    @Test
    void explicitColumnsAndLongFiles() throws Exception {
        String p = prefix();
        StringBuilder csv = new StringBuilder("Kunde ID,Mail\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(p).append(i).append(",person").append(i).append("@example.com\n");
        }
        JsonNode result = Api.json(upload(csv.toString().getBytes(StandardCharsets.UTF_8),
                "?columns=externalId%3DKunde%20ID%3Bemail%3DMail"));
        assertEquals(20_000, result.get("created").asInt(), result.toString());
        assertEquals("person19999@example.com", stored(p + "19999", "email"));
    }

    @Test
    void aRowWithOnlyAnEmailUpdatesTheRespondentThatHasThatAddress() throws Exception {
        String p = prefix();
        String mail = p + "anna@example.com";
        assertEquals(1, Api.json(upload(("id,email,name\n" + p + "crm-7," + mail + ",Anna\n")
                .getBytes(StandardCharsets.UTF_8), "")).get("created").asInt());
        JsonNode byEmail = Api.json(upload(("E-mail,Navn\n" + mail.toUpperCase() + ",Anna Ørsted\n")
                .getBytes(StandardCharsets.UTF_8), ""));
        assertEquals(0, byEmail.get("created").asInt(), byEmail.toString());
        assertEquals(1, byEmail.get("updated").asInt(), byEmail.toString());
        assertEquals("Anna Ørsted", stored(p + "crm-7", "name"));
        assertEquals(null, stored(mail, "name"), "no second respondent under the address");
        JsonNode again = Api.json(upload(("E-mail,Navn\n" + mail + ",Anna Ørsted\n").getBytes(StandardCharsets.UTF_8), ""));
        assertEquals(1, again.get("unchanged").asInt(), again.toString());
    }

    @Test
    void aFileWithFewerColumnsLeavesTheOtherFieldsAndAttributesAlone() throws Exception {
        String p = prefix();
        String full = "id,email,phone,name,company,language,Region,Tier\n"
                + p + "1,ida@example.com,+45 11 22 33 44,Ida,Blåbær A/S,da,Jylland,gold\n";
        assertEquals(1, Api.json(upload(full.getBytes(StandardCharsets.UTF_8), "")).get("created").asInt());

        JsonNode addresses = Api.json(upload(("id,email\n" + p + "1,ida.new@example.com\n")
                .getBytes(StandardCharsets.UTF_8), ""));
        assertEquals(1, addresses.get("updated").asInt(), addresses.toString());
        assertEquals("ida.new@example.com", stored(p + "1", "email"));
        assertEquals("+45 11 22 33 44", stored(p + "1", "phone"));
        assertEquals("Ida", stored(p + "1", "name"));
        assertEquals("Blåbær A/S", stored(p + "1", "company"));
        assertEquals("da", stored(p + "1", "language"));
        assertEquals("{\"Region\":\"Jylland\",\"Tier\":\"gold\"}", stored(p + "1", "attributes"));

        // One attribute column: that attribute changes, an empty cell in a present column clears, the rest stay.
        JsonNode tier = Api.json(upload(("id,Tier,phone\n" + p + "1,silver,\n").getBytes(StandardCharsets.UTF_8), ""));
        assertEquals(1, tier.get("updated").asInt(), tier.toString());
        assertEquals("{\"Region\":\"Jylland\",\"Tier\":\"silver\"}", stored(p + "1", "attributes"));
        assertEquals(null, stored(p + "1", "phone"));
        assertEquals("Ida", stored(p + "1", "name"));

        JsonNode again = Api.json(upload(("id,Tier,phone\n" + p + "1,silver,\n").getBytes(StandardCharsets.UTF_8), ""));
        assertEquals(1, again.get("unchanged").asInt(), again.toString());
    }

    @Test
    void twoImportsOfTheSameNewListAtOnceBothSucceedAndStoreEachContactOnce() throws Exception {
        String p = prefix();
        StringBuilder csv = new StringBuilder("id,email,name\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(p).append(i).append(",p").append(i).append('@').append(p).append("example.com,Person ")
                    .append(i).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        List<Future<HttpResponse<String>>> uploads;
        try (ExecutorService both = Executors.newFixedThreadPool(2)) {
            uploads = both.invokeAll(List.of(() -> upload(file, ""), () -> upload(file, "")));
        }
        int created = 0;
        int unchanged = 0;
        for (Future<HttpResponse<String>> upload : uploads) {
            HttpResponse<String> response = upload.get();
            assertEquals(200, response.statusCode(), response.body());
            created += Api.json(response).get("created").asInt();
            unchanged += Api.json(response).get("unchanged").asInt();
        }
        assertEquals(3000, created, "each contact created by exactly one of the two");
        assertEquals(3000, unchanged, "the other finds it stored and unchanged");
        try (Connection c = server.server().components().db().connection();
             PreparedStatement ps = c.prepareStatement("select count(*) from respondent where external_id like ?")) {
            ps.setString(1, p + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(3000, rs.getInt(1));
            }
        }
    }

    @Test
    void aYesNoParameterThatIsNeitherTrueNorFalseIsRefusedAndNothingIsImported() throws Exception {
        String p = prefix();
        byte[] file = ("id,name\n" + p + "1,Bo\n").getBytes(StandardCharsets.UTF_8);
        for (String query : List.of("?dryRun=yes", "?dryRun=1", "?skipInvalid=maybe")) {
            JsonNode problem = Api.problem(upload(file, query), 400);
            assertTrue(problem.get("detail").asText().contains("=true or"), problem.toString());
        }
        assertEquals(null, stored(p + "1", "name"));
        assertEquals("validated", Api.json(upload(file, "?dryRun=TRUE")).get("status").asText());
        assertEquals(null, stored(p + "1", "name"));
        Api.problem(upload(file, "?dryRun=true&dryRun=false"), 400);
        Api.problem(upload(file, "?dryRun=true&dryRun"), 400);
        // Misspelt or unknown parameters would be ignored, and the file imported for real: refused.
        for (String query : List.of("?dryrun=true", "?dryRun%3Dtrue", "?foo=bar", "?columns=id%3DA&columns=id%3DB",
                "?columns=externalId%3Did%3BexternalId%3Dname")) {
            Api.problem(upload(file, query), 400);
        }
        assertEquals(null, stored(p + "1", "name"));
        // The bare name means true, though the web server drops parameters without '='.
        assertEquals("validated", Api.json(upload(file, "?dryRun")).get("status").asText());
        assertEquals("validated", Api.json(upload(file, "?skipInvalid&dryRun")).get("status").asText());
        assertEquals(null, stored(p + "1", "name"));
        assertEquals("applied", Api.json(upload(file, "?dryRun=false")).get("status").asText());
        assertEquals("Bo", stored(p + "1", "name"));
    }

    @Test
    void aFormOrAnotherKindOfBodyIsRefusedWithWhatToSendInstead() throws Exception {
        String p = prefix();
        byte[] file = ("id,name\n" + p + "1,Bo\n").getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("multipart/form-data; boundary=x", "image/png", "application/json")) {
            HttpResponse<String> refused = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/imports"))
                    .header("Content-Type", type).header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
            assertEquals("unsupported-media-type", Api.problem(refused, 415).get("code").asText());
        }
        assertEquals(null, stored(p + "1", "name"));
        // What curl declares for --data-binary without a type, and what Excel files are sent as, are fine.
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain; charset=windows-1252",
                "application/octet-stream")) {
            HttpResponse<String> taken = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/imports"))
                    .header("Content-Type", type).header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
            assertEquals(200, taken.statusCode(), type + ": " + taken.body());
        }
    }

    @Test
    void aFileWhoseHeaderIsDataGetsAShortMessage() {
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 900; i++) {
            wide.append(i == 0 ? "" : ",").append("value number ").append(i).append(" of a very long data line");
        }
        JsonNode problem = Api.problem(upload((wide + "\n1,2\n").getBytes(StandardCharsets.UTF_8), ""), 400);
        String detail = problem.get("detail").asText();
        assertTrue(detail.contains("and 880 more"), detail);
        assertTrue(detail.length() < 1500, "detail of " + detail.length() + " characters");
    }

    @Test
    void overlongValuesAreRowProblemsNotCutShortIntoAnotherPersonsId() throws Exception {
        String p = prefix();
        String stem = p + "x".repeat(200 - p.length());
        assertEquals(1, Api.json(upload(("id,name\n" + stem + ",Alice\n").getBytes(StandardCharsets.UTF_8), ""))
                .get("created").asInt());
        JsonNode longer = Api.problem(upload(("id,name\n" + stem + "B,Bob\n").getBytes(StandardCharsets.UTF_8), ""), 422);
        assertEquals("longer than 200 characters", longer.get("report").get("problems").get(0).get("reason").asText(),
                longer.toString());
        assertEquals("Alice", stored(stem, "name"), "the stored person is not overwritten");
        String longName = "id,name,Notes\n" + p + "n,"  + "N".repeat(201) + ",ok\n" + p + "m,Mo," + "z".repeat(1001) + "\n";
        JsonNode report = Api.problem(upload(longName.getBytes(StandardCharsets.UTF_8), ""), 422).get("report");
        assertEquals(2, report.get("invalid").asInt(), report.toString());
        assertEquals("Notes", report.get("problems").get(1).get("column").asText(), report.toString());
    }

    @Test
    void lengthsAreCountedAsPeopleCountThemAndWhatPassesIsStored() throws Exception {
        String p = prefix();
        String emoji = "\uD83D\uDE00";
        String csv = "id,name,company\n" + p + "e," + emoji.repeat(200) + "," + emoji.repeat(150) + "\n";
        JsonNode stored = Api.json(upload(csv.getBytes(StandardCharsets.UTF_8), ""));
        assertEquals(1, stored.get("created").asInt(), stored.toString());
        assertEquals(emoji.repeat(200), stored(p + "e", "name"));
        JsonNode tooLong = Api.problem(upload(("id,name\n" + p + "f," + emoji.repeat(201) + "\n")
                .getBytes(StandardCharsets.UTF_8), ""), 422);
        assertEquals("longer than 200 characters", tooLong.at("/report/problems/0/reason").asText());
    }

    @Test
    void valuesWithoutAColumnNameOrAKeyAreReportedWhereTheyAre() {
        String p = prefix();
        JsonNode unnamed = Api.problem(upload(("id,,name\n" + p + "1,lost,Bo\n").getBytes(StandardCharsets.UTF_8), ""),
                422).at("/report/problems/0");
        assertEquals("column 2", unnamed.get("column").asText(), unnamed.toString());
        assertEquals(2, unnamed.get("line").asInt());
        JsonNode noKey = Api.problem(upload(("Kundenr,Navn\n,Bo\n").getBytes(StandardCharsets.UTF_8), ""), 422)
                .at("/report/problems/0");
        assertEquals("Kundenr", noKey.get("column").asText(), "the file has no e-mail column to blame");
        JsonNode quote = Api.problem(upload(("id,name\n" + p + "2,Bo\n\"" + p + "3\"x,A\n")
                .getBytes(StandardCharsets.UTF_8), ""), 400);
        assertEquals("unreadable-csv", quote.get("code").asText());
        assertTrue(quote.get("detail").asText().contains("at line 3: a cell goes on after its closing quote"),
                quote.toString());
    }

    @Test
    void aRowWithTooFewOrTooManyCellsIsAProblemAndClearsNothing() throws Exception {
        String p = prefix();
        assertEquals(1, Api.json(upload(("id,email,name\n" + p + "1,short@example.com,Sally\n")
                .getBytes(StandardCharsets.UTF_8), "")).get("created").asInt());
        JsonNode typed = Api.problem(upload(("id,email\n" + p + "9,Not.An.ADDRESS\n").getBytes(StandardCharsets.UTF_8),
                ""), 422);
        assertEquals("'Not.An.ADDRESS' is not an e-mail address",
                typed.get("report").get("problems").get(0).get("reason").asText(), "quoted as typed");
        JsonNode shortRow = Api.problem(upload(("id,email,name\n" + p + "1\n").getBytes(StandardCharsets.UTF_8), ""), 422);
        JsonNode problem = shortRow.get("report").get("problems").get(0);
        assertEquals(2, problem.get("line").asInt());
        assertEquals("the row has 1 cell where the header has 3", problem.get("reason").asText());
        assertEquals("short@example.com", stored(p + "1", "email"));
        assertEquals("Sally", stored(p + "1", "name"));
        JsonNode longRow = Api.problem(upload(("id,email,name\n" + p + "1,short@example.com,Sally,extra\n")
                .getBytes(StandardCharsets.UTF_8), ""), 422);
        assertEquals("column 4", longRow.get("report").get("problems").get(0).get("column").asText());
        JsonNode trailingSeparator = Api.json(upload(("id,email,name\n" + p + "1,short@example.com,Sally,\n")
                .getBytes(StandardCharsets.UTF_8), ""));
        assertEquals(1, trailingSeparator.get("unchanged").asInt(), "an empty cell past the header is harmless");
    }

    @Test
    void headersThatCannotBeMappedSafelyAreRefused() {
        Api.problem(upload("id,email,email\n1,a@example.com,b@example.com\n".getBytes(StandardCharsets.UTF_8), ""), 400);
        StringBuilder wide = new StringBuilder("id");
        StringBuilder row = new StringBuilder("1");
        for (int i = 0; i < 51; i++) {
            wide.append(",attribute ").append(i);
            row.append(",v");
        }
        JsonNode tooMany = Api.problem(upload((wide + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8), ""), 400);
        assertTrue(tooMany.get("detail").asText().contains("at most 50"), tooMany.toString());
        Api.problem(upload(("id," + "h".repeat(101) + "\n1,v\n").getBytes(StandardCharsets.UTF_8), ""), 400);
        JsonNode aliases = Api.problem(upload("id,E-mail,email\n1,a@b.dk,c@d.dk\n".getBytes(StandardCharsets.UTF_8), ""),
                400);
        assertTrue(aliases.get("detail").asText().contains("'E-mail' and 'email' both name the email field"),
                aliases.toString());
        Api.problem(upload("id,\"Say \"\"hi\"\"\"\n1,v\n".getBytes(StandardCharsets.UTF_8), ""), 400);

        // A stray quote turns the rest of the file into one cell; it is stopped, not built in memory.
        StringBuilder strayQuote = new StringBuilder("id,name\n1,\"Bo\n");
        for (int i = 0; i < 20_000; i++) {
            strayQuote.append(i).append(",Person ").append(i).append('\n');
        }
        JsonNode cell = Api.problem(upload(strayQuote.toString().getBytes(StandardCharsets.UTF_8), ""), 400);
        assertTrue(cell.get("detail").asText().contains("starts on line 2"), cell.toString());
        assertEquals("cell-too-long", cell.get("code").asText());
        assertTrue(cell.get("detail").asText().contains("closing quote"), cell.toString());
        JsonNode columns = Api.problem(upload(("id,name\n1" + ",x".repeat(1_000) + "\n").getBytes(StandardCharsets.UTF_8),
                ""), 400);
        assertEquals("too-many-columns", columns.get("code").asText(), columns.toString());
    }

    @Test
    void aFileMixingTwoEncodingsIsRefusedAndUtf16FromExcelImports() throws Exception {
        String p = prefix();
        byte[] utf8Row = (p + "2,Søren\n").getBytes(StandardCharsets.UTF_8);
        byte[] cp1252Row = (p + "1,Søren\n").getBytes(Charset.forName("windows-1252"));
        ByteArrayOutputStream mixed = new ByteArrayOutputStream();
        mixed.write("id,name\n".getBytes(StandardCharsets.US_ASCII));
        mixed.write(cp1252Row);
        mixed.write(utf8Row);
        JsonNode mixedProblem = Api.problem(upload(mixed.toByteArray(), ""), 400);
        assertEquals("mixed-encoding", mixedProblem.get("code").asText());
        assertTrue(mixedProblem.get("detail").asText().contains("line 3 has letters in UTF-8 and line 2 in Windows-1252"),
                mixedProblem.toString());
        assertEquals(null, stored(p + "2", "name"));

        ByteArrayOutputStream unicodeText = new ByteArrayOutputStream();
        unicodeText.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        unicodeText.write(("Kundenr\tNavn\tBy\r\n" + p + "3\tSøren\tÆrø\r\n").getBytes(StandardCharsets.UTF_16LE));
        assertEquals(1, Api.json(upload(unicodeText.toByteArray(), "")).get("created").asInt());
        assertEquals("Søren", stored(p + "3", "name"));
        assertEquals("{\"By\":\"Ærø\"}", stored(p + "3", "attributes"));
        byte[] withoutMark = ("Kundenr\tNavn\r\n" + p + "4\tÅse\r\n").getBytes(StandardCharsets.UTF_16BE);
        assertEquals(1, Api.json(upload(withoutMark, "")).get("created").asInt());
        assertEquals("Åse", stored(p + "4", "name"));
    }

    @Test
    void addressesThatWouldBreakAMessageAreRowProblems() throws Exception {
        String p = prefix();
        List<String> bad = List.of("a\u0000b@x.dk", "a\u0001b@x.dk", "a\u202Eb@x.dk", "a\u200Bb@x.dk", "<a@b.dk>",
                "a@b..dk", "a@-b.dk", ".a@x.dk", "a.@x.dk", "a..b@x.dk", "a@" + "d".repeat(250) + ".dk", "a@b@c.dk",
                "a@dk");
        StringBuilder csv = new StringBuilder("id,email\n");
        for (int i = 0; i < bad.size(); i++) {
            csv.append(p).append(i).append(",\"").append(bad.get(i)).append("\"\n");
        }
        csv.append(p).append("ok,\"Søren.Ærø+nps@blåbær-shop.dk\"\n");
        JsonNode report = Api.problem(upload(csv.toString().getBytes(StandardCharsets.UTF_8), ""), 422).get("report");
        assertEquals(bad.size(), report.get("invalid").asInt(), report.toString());
        assertEquals(1, report.get("valid").asInt(), "an address with Danish letters is fine: " + report);
    }

    @Test
    void otherMethodsOnTheImportAddressAre405() {
        for (String method : List.of("GET", "PUT", "DELETE")) {
            HttpResponse<String> r = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/imports"))
                    .header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                    .method(method, HttpRequest.BodyPublishers.noBody()));
            assertEquals("method-not-allowed", Api.problem(r, 405).get("code").asText(), method);
        }
    }

    @Test
    void aFileWithoutKeyColumnOrKeyIsRefused() {
        Api.problem(upload("name,city\nA,B\n".getBytes(StandardCharsets.UTF_8), ""), 400);
        Api.problem(server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/imports"))
                .POST(HttpRequest.BodyPublishers.ofString("id\n1\n"))), 401);
        Api.problem(upload(new byte[0], ""), 400);
    }
}
