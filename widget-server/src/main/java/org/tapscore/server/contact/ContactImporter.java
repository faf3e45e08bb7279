package org.tapscore.server.contact;

import org.tapscore.server.db.Database;
import org.tapscore.server.web.ApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Imports a contact list in two streaming passes over the file: the first validates every row and reports
 * each problem with its line and column; the second writes, in one transaction, so an import applies
 * completely or not at all. Rows with problems stop the import unless the caller says to skip them.
 *
 * <p>Imports store one at a time: two lists with the same new contacts, stored side by side, would both insert
 * them and one would fail on the unique external id. A lock in this node queues its own imports (the embedded
 * database is only ever used by one node) and a locked row queues those of other nodes on a shared PostgreSQL.
 */
public final class ContactImporter {
    private static final int BATCH = 1000;
    private static final int MAX_PROBLEMS = 1000;
    private static final int PROGRESS_EVERY = 500;

    private final Database db;
    private final Clock clock;
    private final ReentrantLock storing = new ReentrantLock();

    public ContactImporter(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public ImportResult run(TabularSource source, Map<String, String> mapping, boolean dryRun, boolean skipInvalid) {
        return run(source, mapping, dryRun, skipInvalid, ImportProgress.NONE);
    }

    public ImportResult run(TabularSource source, Map<String, String> mapping, boolean dryRun, boolean skipInvalid,
                            ImportProgress progress) {
        List<ImportProblem> problems = new ArrayList<>();
        int[] invalid = {0};
        ImportResult.Counts counts = new ImportResult.Counts();
        ColumnMapping[] columns = {null};
        ContactValidator[] validator = {null};
        read(source, (line, cells) -> {
            if (columns[0] == null) {
                columns[0] = ColumnMapping.of(cells, mapping);
                validator[0] = new ContactValidator(columns[0]);
                return;
            }
            counts.rows++;
            if (counts.rows % PROGRESS_EVERY == 0) {
                progress.checking(counts.rows);
            }
            ContactRow row = validator[0].check(line, cells, problem -> {
                if (problems.size() < MAX_PROBLEMS) {
                    problems.add(problem);
                }
            });
            if (row == null) {
                invalid[0]++;
            } else {
                counts.valid++;
            }
        });
        if (columns[0] == null) {
            throw ApiException.badRequest("empty-file", "The file has no header row");
        }
        progress.checking(counts.rows);
        validator[0] = null; // its remembered keys are not needed while the second pass builds its own
        boolean rejected = invalid[0] > 0 && !skipInvalid;
        if (!dryRun && !rejected) {
            write(source, columns[0], counts, progress);
        }
        String status = rejected ? "rejected" : dryRun ? "validated" : "applied";
        return new ImportResult(status, counts.rows, counts.valid, invalid[0], counts.created, counts.updated,
                counts.unchanged, problems, invalid[0] > problems.size());
    }

    private void write(TabularSource source, ColumnMapping columns, ImportResult.Counts counts,
                       ImportProgress progress) {
        ContactValidator validator = new ContactValidator(columns);
        List<ContactRow> batch = new ArrayList<>(BATCH);
        boolean[] header = {true};
        int toStore = counts.valid;
        progress.storing(0, toStore);
        storing.lock();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            lockAcrossNodes(c);
            try (ContactStore store = new ContactStore(c, columns)) {
                read(source, (line, cells) -> {
                    if (header[0]) {
                        header[0] = false;
                        return;
                    }
                    ContactRow row = validator.check(line, cells, problem -> { });
                    if (row != null) {
                        batch.add(row);
                        if (batch.size() == BATCH) {
                            flush(store, batch, counts);
                            progress.storing(counts.created + counts.updated + counts.unchanged, toStore);
                        }
                    }
                });
                flush(store, batch, counts);
                c.commit();
                progress.storing(toStore, toStore);
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the contacts", e);
        } finally {
            storing.unlock();
        }
    }

    /** Held until the transaction ends; another node's import waits here until this one has committed. */
    private static void lockAcrossNodes(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from contact_import_lock where id = 1 for update");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
    }

    private void flush(ContactStore store, List<ContactRow> batch, ImportResult.Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.write(batch, clock.instant(), counts);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the contacts", e);
        }
        batch.clear();
    }

    private static void read(TabularSource source, TabularSource.RowConsumer rows) {
        try {
            source.forEachRow(rows);
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.badRequest("unreadable-file", "The file could not be read as CSV or XLSX");
        }
    }
}
