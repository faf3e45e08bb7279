package org.tapscore.server.contact;

import java.io.IOException;
import java.util.List;

/** A spreadsheet read row by row, never whole, so a file of any length fits in a small heap. */
interface TabularSource {

    /** Calls {@code rows} with each row's line number (1 = the first line of the file) and its cells. */
    void forEachRow(RowConsumer rows) throws IOException;

    @FunctionalInterface
    interface RowConsumer {
        void accept(int line, List<String> cells);
    }
}
