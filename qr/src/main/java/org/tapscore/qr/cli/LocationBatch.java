package org.tapscore.qr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tapscore.qr.link.CampaignLink;

/**
 * One code per CSV row ({@code location id,name}): each encodes the campaign link with that location and is
 * written as {@code <safe id>.<format>} into a folder or a ZIP. Bad rows are collected, not fatal.
 */
final class LocationBatch {
    /** A row that produced no file, with its line number in the CSV. */
    record Failure(int line, String message) {
    }

    private final String baseUrl;
    private final String campaign;
    private final CodeRenderer renderer;

    LocationBatch(String baseUrl, String campaign, CodeRenderer renderer) {
        this.baseUrl = baseUrl;
        this.campaign = campaign;
        // Fail on a bad base URL or campaign id before reading anything.
        CampaignLink.of(baseUrl, campaign, null);
        this.renderer = renderer;
    }

    /** Writes the files; returns the rows that failed. */
    List<Failure> run(List<CsvReader.Row> rows, Path target, PrintStream out, PrintStream err, boolean terminal)
            throws IOException {
        List<CsvReader.Row> body = rows.isEmpty() || !isHeader(rows.get(0)) ? rows : rows.subList(1, rows.size());
        List<Failure> failures = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        FileNames names = new FileNames();
        Progress progress = new Progress(err, terminal, body.size());
        int written = 0;
        try (BatchOutput output = BatchOutput.open(target)) {
            for (int i = 0; i < body.size(); i++) {
                CsvReader.Row row = body.get(i);
                try {
                    String id = locationId(row, seen);
                    String name = row.fields().size() > 1 ? row.fields().get(1).strip() : "";
                    CampaignLink link = CampaignLink.of(baseUrl, campaign, id);
                    byte[] content = renderer.render(link.qrUrl(), name.isEmpty() ? id : name);
                    output.write(names.forLocation(campaign, id, renderer.format().extension), content);
                    written++;
                } catch (IllegalArgumentException e) {
                    failures.add(new Failure(row.line(), e.getMessage()));
                }
                progress.update(i + 1);
            }
            out.println("wrote " + written + " of " + body.size() + " codes to " + output.describe());
        }
        return failures;
    }

    private static String locationId(CsvReader.Row row, Map<String, Integer> seen) {
        if (!row.ok()) {
            throw new IllegalArgumentException(row.error());
        }
        List<String> fields = row.fields();
        if (fields.size() > 2) {
            throw new IllegalArgumentException("expected 2 columns (location id,name) but found " + fields.size()
                    + " (quote a name that contains a comma)");
        }
        String id = fields.get(0).strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("the location id is empty");
        }
        if (id.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the location id contains control characters");
        }
        Integer first = seen.putIfAbsent(id, row.line());
        if (first != null) {
            throw new IllegalArgumentException("duplicate location id '" + id + "' (first on line " + first + ")");
        }
        return id;
    }

    private static boolean isHeader(CsvReader.Row row) {
        if (!row.ok() || row.fields().isEmpty()) {
            return false;
        }
        String first = row.fields().get(0).strip().toLowerCase(Locale.ROOT).replaceAll("[ _-]", "");
        return first.equals("locationid") || first.equals("location") || first.equals("id");
    }
}
