package org.tapscore.server.contact;

import java.util.List;

/**
 * What an import did or would do. {@code status} is {@code applied}, {@code validated} (a dry run) or
 * {@code rejected} (problems found and not told to skip them: nothing was written).
 */
public record ImportResult(String status, int rows, int valid, int invalid, int created, int updated, int unchanged,
                           List<ImportProblem> problems, boolean problemsTruncated) {

    /** Running totals while the file streams through. */
    static final class Counts {
        int rows;
        int valid;
        int created;
        int updated;
        int unchanged;
    }
}
