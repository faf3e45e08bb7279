package org.tapscore.server.contact;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.tapscore.server.web.ApiException;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as people actually have them: UTF-8 with or without a byte-order mark, Windows-1252 as Excel in
 * Denmark saves it, or UTF-16 as Excel's "Unicode text" does; separated by commas, semicolons (Excel with a
 * decimal comma) or tabs.
 */
final class CsvSource implements TabularSource {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final Path file;

    CsvSource(Path file) {
        this.file = file;
    }

    @Override
    public void forEachRow(RowConsumer rows) throws IOException {
        Charset charset = charset(file);
        char delimiter = delimiter(file, charset);
        // Empty lines are kept (and skipped below) so that record numbers stay equal to line numbers.
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        try (InputStream in = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new BoundedCsvReader(new InputStreamReader(in, charset),
                     delimiter))) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                try {
                    for (CSVRecord record : parser) {
                        List<String> cells = new ArrayList<>(record.size());
                        record.forEach(cells::add);
                        if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                            rows.accept((int) record.getRecordNumber(), cells);
                        }
                    }
                } catch (java.io.UncheckedIOException e) {
                    throw quoting(parser.getCurrentLineNumber(), e);
                }
            }
        }
    }

    /** The parser's complaint, which is nearly always about quotes, said so that someone can fix the line. */
    private static ApiException quoting(long line, java.io.UncheckedIOException e) {
        String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("at line: (\\d+)").matcher(message);
        if (at.find()) {
            line = Long.parseLong(at.group(1));
        }
        String reason = message.contains("EOF reached before encapsulated token finished")
                ? "a quote opened by then is never closed"
                : message.contains("between encapsulated token and delimiter")
                ? "a cell goes on after its closing quote; put the whole cell in quotes and write a quote inside it "
                        + "as two (\"\")"
                : "check the quotes on it";
        return ApiException.badRequest("unreadable-csv", "The file could not be read as CSV at line " + line + ": "
                + reason);
    }

    /**
     * The file's encoding. A byte-order mark of UTF-16 (Excel's "Unicode text") says so itself, as does a zero byte
     * beside the first letter; otherwise the bytes are read as UTF-8 when every sequence is valid UTF-8 and as
     * Windows-1252 when none of the bytes above 127 form a UTF-8 sequence. A file with both (rows pasted together
     * from two exports) has no one right reading: it is refused, because reading it either way stores some names
     * garbled ("SÃ¸ren").
     */
    static Charset charset(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            in.mark(2);
            int first = in.read();
            int second = in.read();
            if (first == 0xFF && second == 0xFE) {
                return StandardCharsets.UTF_16LE;
            }
            if (first == 0xFE && second == 0xFF) {
                return StandardCharsets.UTF_16BE;
            }
            // Without a mark, a header in UTF-16 still shows itself: every ASCII letter comes with a zero byte.
            if (first > 0 && second == 0) {
                return StandardCharsets.UTF_16LE;
            }
            if (first == 0 && second > 0) {
                return StandardCharsets.UTF_16BE;
            }
            in.reset();
            long line = 1;
            long firstUtf8Line = 0;
            long firstOtherLine = 0;
            int b = in.read();
            while (b >= 0) {
                if (b == '\n') {
                    line++;
                }
                int continuations = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2
                        : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
                if (continuations < 0) {
                    firstOtherLine = firstOtherLine == 0 ? line : firstOtherLine;
                    b = in.read();
                    continue;
                }
                int next = in.read();
                int seen = 0;
                while (seen < continuations && next >= 0x80 && next <= 0xBF) {
                    seen++;
                    next = in.read();
                }
                if (seen != continuations) {
                    firstOtherLine = firstOtherLine == 0 ? line : firstOtherLine;
                } else if (continuations > 0) {
                    firstUtf8Line = firstUtf8Line == 0 ? line : firstUtf8Line;
                }
                b = next; // the byte that ended the sequence starts the next one
            }
            if (firstOtherLine > 0 && firstUtf8Line > 0) {
                throw ApiException.badRequest("mixed-encoding", "The file mixes two text encodings: line "
                        + firstUtf8Line + " has letters in UTF-8 and line " + firstOtherLine + " in Windows-1252, so "
                        + "some would be stored garbled; save it again as UTF-8");
            }
            return firstOtherLine > 0 ? WINDOWS_1252 : StandardCharsets.UTF_8;
        }
    }

    private static char delimiter(Path file, Charset charset) throws IOException {
        // The start of the first line is enough to tell, and a first line of megabytes is not read whole.
        StringBuilder start = new StringBuilder();
        try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
            int c;
            while (start.length() < 64 * 1024 && (c = reader.read()) >= 0 && c != '\n' && c != '\r') {
                start.append((char) c);
            }
        }
        String header = start.toString();
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
