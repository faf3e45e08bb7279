package org.tapscore.server.contact;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One uploaded contact list on its way through the admin page: checked first (a dry run), then imported when an
 * admin says so. Its fields are written by the importing thread and read by the pages that poll it, hence volatile.
 */
public final class ImportJob implements ImportProgress {
    /** Where the job is; the status JSON and the page use the lower-case names. */
    public enum Phase {
        CHECKING, CHECKED, STORING, DONE, FAILED;

        public boolean running() {
            return this == CHECKING || this == STORING;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final UUID id;
    private final String fileName;
    private final String user;
    private final Path file;
    private final Instant startedAt;
    private volatile Phase phase = Phase.CHECKING;
    private volatile int rowsRead;
    private volatile int rowsStored;
    private volatile int rowsToStore;
    private volatile int total = -1;
    private volatile boolean skipInvalid;
    private volatile ImportResult check;
    private volatile ImportResult outcome;
    private volatile String failure;

    ImportJob(UUID id, String fileName, String user, Path file, Instant startedAt) {
        this.id = id;
        this.fileName = fileName;
        this.user = user;
        this.file = file;
        this.startedAt = startedAt;
    }

    @Override
    public void checking(int rowsRead) {
        this.rowsRead = rowsRead;
    }

    @Override
    public void storing(int rowsStored, int rowsToStore) {
        this.rowsToStore = rowsToStore;
        this.rowsStored = rowsStored;
        phase = Phase.STORING;
    }

    void checked(ImportResult result) {
        check = result;
        total = result.rows();
        phase = Phase.CHECKED;
    }

    void importing(boolean skipInvalid) {
        this.skipInvalid = skipInvalid;
        rowsRead = 0;
        phase = Phase.CHECKING;
    }

    void done(ImportResult result) {
        outcome = result;
        phase = Phase.DONE;
    }

    void failed(String reason) {
        failure = reason;
        phase = Phase.FAILED;
    }

    public UUID id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public String user() {
        return user;
    }

    Path file() {
        return file;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Phase phase() {
        return phase;
    }

    /** The dry run's report, once checked. */
    public ImportResult check() {
        return check;
    }

    /** The import's report, once done. */
    public ImportResult outcome() {
        return outcome;
    }

    public boolean skipInvalid() {
        return skipInvalid;
    }

    /** Rows skipped by the import: the invalid ones, when told to skip them. */
    public int skipped() {
        return outcome == null ? 0 : outcome.invalid();
    }

    /** How far the current pass is, for a progress bar: {@code value} of {@code max}; max -1 when unknown yet. */
    public int progressValue() {
        return switch (phase) {
            case CHECKING -> rowsRead;
            case STORING -> rowsStored;
            case CHECKED -> total;
            case DONE -> Math.max(1, rowsToStore);
            case FAILED -> 0;
        };
    }

    public int progressMax() {
        return switch (phase) {
            case CHECKING -> total;
            case STORING -> rowsToStore;
            case CHECKED -> total;
            case DONE -> Math.max(1, rowsToStore);
            case FAILED -> 1;
        };
    }

    /** One sentence for people (the page and the polling script show the same words). */
    /** Why it failed, as a sentence's end ("the file could not be checked"); null unless it failed. */
    String failure() {
        return failure;
    }

    public String describe() {
        return switch (phase) {
            case CHECKING -> total >= 0
                    ? String.format(Locale.ROOT, "Checking: %,d of %,d rows read", rowsRead, total)
                    : String.format(Locale.ROOT, "Checking: %,d rows read", rowsRead);
            case STORING -> String.format(Locale.ROOT, "Storing: %,d of %,d rows stored", rowsStored, rowsToStore);
            case CHECKED -> String.format(Locale.ROOT, "Checked: %,d rows, %,d valid, %,d with problems",
                    check.rows(), check.valid(), check.invalid());
            case DONE -> String.format(Locale.ROOT, "Done: %,d created, %,d updated, %,d unchanged, %,d skipped",
                    outcome.created(), outcome.updated(), outcome.unchanged(), skipped());
            case FAILED -> "Failed: " + failure;
        };
    }

    /** The polling script's view of the job. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", id.toString());
        status.put("phase", phase.key());
        status.put("rowsRead", rowsRead);
        status.put("rowsStored", rowsStored);
        status.put("rowsToStore", rowsToStore);
        status.put("total", total);
        status.put("value", progressValue());
        status.put("max", progressMax());
        status.put("text", describe());
        return status;
    }
}
