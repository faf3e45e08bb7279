package org.tapscore.server.contact;

import org.tapscore.server.web.ApiException;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Keeps one CSV cell, and one row's number of cells, within bounds while the file streams through, before the CSV
 * parser builds them in memory. A stray quote makes the rest of a file one cell; a binary file read as text can
 * make one line of millions of cells: either would otherwise fill the heap rather than get an answer.
 *
 * <p>It follows just enough of RFC 4180 to know where cells end: a separator or line break outside quotes. A doubled
 * quote inside a quoted cell toggles twice and so changes nothing, as it should.
 */
final class BoundedCsvReader extends FilterReader {
    static final int MAX_CELL_CHARS = 100_000;
    static final int MAX_CELLS_PER_ROW = 1_000;

    private final char delimiter;
    private boolean quoted;
    private int cellChars;
    private int cells = 1;
    private int line = 1;
    private int cellLine = 1;

    BoundedCsvReader(Reader in, char delimiter) {
        super(in);
        this.delimiter = delimiter;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + Math.max(n, 0); i++) {
            see(buffer[i]);
        }
        return n;
    }

    private void see(char c) {
        if (c == '\n') {
            line++;
        }
        if (c == '"') {
            quoted = !quoted; // quotes are the cell's wrapping, not its text
            return;
        }
        if (!quoted && (c == '\n' || c == '\r')) {
            cellChars = 0;
            cells = 1;
            return;
        }
        if (!quoted && c == delimiter) {
            cellChars = 0;
            if (++cells > MAX_CELLS_PER_ROW) {
                throw ApiException.badRequest("too-many-columns", "Line " + line + " has more than "
                        + MAX_CELLS_PER_ROW + " columns; is this a CSV file?");
            }
            return;
        }
        if (Character.isLowSurrogate(c)) {
            return; // the second half of a character counted with its first
        }
        if (cellChars++ == 0) {
            cellLine = line;
        }
        if (cellChars > MAX_CELL_CHARS) {
            throw ApiException.badRequest("cell-too-long", "A cell that starts on line " + cellLine
                    + " runs past " + MAX_CELL_CHARS + " characters" + (quoted
                    ? "; it opens with a quote: is the closing quote missing?" : ""));
        }
    }
}
