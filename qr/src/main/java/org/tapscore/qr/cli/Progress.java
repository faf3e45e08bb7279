package org.tapscore.qr.cli;

import java.io.PrintStream;

/**
 * Batch progress: a bar redrawn in place on a terminal, or about ten plain lines when the output goes to a file or
 * a pipe (no control characters in logs).
 */
final class Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private int lastShown = -1;
    private int lastDecile;

    Progress(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    void update(int done) {
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        if (terminal) {
            if (percent != lastShown || done == total) {
                int filled = percent * WIDTH / 100;
                out.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + percent + "% "
                        + done + "/" + total);
                if (done == total) {
                    out.println();
                }
                out.flush();
            }
            lastShown = percent;
        } else if (percent / 10 > lastDecile) {
            // One line per ten percent; the last one at 100 %.
            out.println(done + "/" + total + " locations done");
            lastDecile = percent / 10;
        }
    }
}
