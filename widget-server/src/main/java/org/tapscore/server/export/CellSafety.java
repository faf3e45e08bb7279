package org.tapscore.server.export;

/**
 * Spreadsheet formula injection: a cell that starts with {@code = + - @}, a tab or a carriage return may be run
 * as a formula when the file is opened ({@code =HYPERLINK(…)} exfiltrates, {@code @SUM(…)} computes). Such text
 * gets a leading apostrophe, which spreadsheets show as plain text (OWASP "CSV injection").
 *
 * <pre>{@code
 * CellSafety.neutralise("=1+1"); // "'=1+1"
 * CellSafety.neutralise("fine"); // "fine"
 * }</pre>
 */
public final class CellSafety {
    private CellSafety() {
    }

    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
