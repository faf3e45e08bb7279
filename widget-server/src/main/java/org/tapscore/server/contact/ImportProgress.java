package org.tapscore.server.contact;

/**
 * Where a running import is, for a progress bar. Called every few hundred rows from the importing thread; the
 * counts only grow.
 */
public interface ImportProgress {
    ImportProgress NONE = new ImportProgress() {
        @Override
        public void checking(int rowsRead) {
        }

        @Override
        public void storing(int rowsStored, int rowsToStore) {
        }
    };

    /** The first pass: every row is validated, nothing is written yet. */
    void checking(int rowsRead);

    /** The second pass: valid rows are written; {@code rowsToStore} is known from the first pass. */
    void storing(int rowsStored, int rowsToStore);
}
