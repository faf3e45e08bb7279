package org.tapscore.server.contact;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as people actually have them: UTF-8 with or without a byte-order mark, or Windows-1252 as Excel in
 * Denmark saves it; separated by commas, semicolons (Excel with a decimal comma) or tabs.
 */
final class CsvSource implements TabularSource {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final Path file;

    CsvSource(Path file) {
        this.file = file;
    }

    @Override
    public void forEachRow(RowConsumer rows) throws IOException {
        Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        char delimiter = delimiter(file, charset);
        // Empty lines are kept (and skipped below) so that record numbers stay equal to line numbers.
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(true).get();
        try (InputStream in = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset))) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                for (CSVRecord record : parser) {
                    List<String> cells = new ArrayList<>(record.size());
                    record.forEach(cells::add);
                    if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                        rows.accept((int) record.getRecordNumber(), cells);
                    }
                }
            }
        }
    }

    /** Strict UTF-8 over the whole file; any invalid sequence means it was saved in Windows-1252. */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (var channel = Files.newByteChannel(file)) {
            while (channel.read(in) >= 0 || in.position() > 0) {
                in.flip();
                CoderResult result = decoder.decode(in, out, false);
                if (result.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
                if (in.position() > 0 && channel.position() >= channel.size()) {
                    in.flip();
                    return !decoder.decode(in, out, true).isError() && !decoder.flush(out).isError();
                }
            }
        }
        return true;
    }

    private static char delimiter(Path file, Charset charset) throws IOException {
        String header;
        try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
            header = reader.readLine();
        }
        if (header == null) {
            return ',';
        }
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
