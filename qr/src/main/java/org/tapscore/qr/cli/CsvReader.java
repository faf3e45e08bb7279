package org.tapscore.qr.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small RFC 4180 reader: comma-separated, fields optionally in double quotes ({@code ""} for a quote inside),
 * quoted fields may span lines, CRLF or LF line ends, UTF-8 with or without a byte-order mark. A malformed record
 * (unterminated quote, stray quote, bytes that are not UTF-8) becomes a {@link Row} with an error so the caller
 * can report it and carry on with the others. Blank lines are skipped.
 */
final class CsvReader {
    /** One record: the line it starts on (1-based), its fields, or an error saying what is wrong with it. */
    record Row(int line, List<String> fields, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private final String text;
    private final Set<Integer> badUtf8Lines;
    private int pos;
    private int line = 1;
    private int lastLineOfRecord;

    private CsvReader(String text, Set<Integer> badUtf8Lines) {
        this.text = text;
        this.badUtf8Lines = badUtf8Lines;
    }

    static List<Row> parse(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        Set<Integer> bad = badUtf8Lines(bytes, start);
        CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        String text;
        try {
            text = lenient.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder does not fail", e);
        }
        return new CsvReader(text, bad).rows();
    }

    static List<Row> parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        while (pos < text.length()) {
            int first = line;
            List<String> fields = new ArrayList<>();
            String error = record(fields);
            for (int l = first; l <= lastLineOfRecord && error == null; l++) {
                if (badUtf8Lines.contains(l)) {
                    error = "line " + l + " is not valid UTF-8: save the file as UTF-8";
                }
            }
            if (error == null && fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            rows.add(new Row(first, error == null ? List.copyOf(fields) : List.of(), error));
        }
        return rows;
    }

    /** Reads one record into {@code fields}; returns an error message or {@code null}. */
    private String record(List<String> fields) {
        int first = line;
        while (true) {
            StringBuilder field = new StringBuilder();
            if (pos < text.length() && text.charAt(pos) == '"') {
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        return "unterminated quoted field (the quote opened on line " + first + " is never closed)";
                    }
                    char c = text.charAt(pos++);
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            break;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                }
                if (pos < text.length() && !isSeparator(text.charAt(pos))) {
                    skipLine();
                    return "unexpected text after a closing quote (a quote inside a field must be doubled: \"\")";
                }
            } else {
                while (pos < text.length() && !isSeparator(text.charAt(pos))) {
                    char c = text.charAt(pos++);
                    if (c == '"') {
                        skipLine();
                        return "quote inside an unquoted field (put the field in quotes and double the quote)";
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            lastLineOfRecord = line;
            if (pos >= text.length()) {
                return null;
            }
            char c = text.charAt(pos++);
            if (c == ',') {
                continue;
            }
            endLine(c);
            return null;
        }
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    private void endLine(char c) {
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        line++;
    }

    private void skipLine() {
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\n' || c == '\r') {
                endLine(c);
                return;
            }
        }
    }

    private static Set<Integer> badUtf8Lines(byte[] bytes, int start) {
        Set<Integer> bad = new HashSet<>();
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNumber = 1;
        int from = start;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                strict.reset();
                CharBuffer out = CharBuffer.allocate(i - from + 1);
                if (strict.decode(ByteBuffer.wrap(bytes, from, i - from), out, true).isError()) {
                    bad.add(lineNumber);
                }
                lineNumber++;
                from = i + 1;
            }
        }
        return bad;
    }
}
