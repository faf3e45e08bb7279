package org.tapscore.server.contact;

import org.tapscore.server.web.ApiException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admin page's imports, run in the background so the page can show their progress. Live progress is kept in
 * memory on the node that runs the import (a small map of the latest jobs, each holding its uploaded file until it
 * is imported or dropped); the outcome goes to {@link ImportHistory} for every node.
 */
public final class ImportJobs implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());
    private static final int KEPT = 20;

    private final ContactImporter importer;
    private final ImportHistory history;
    private final Clock clock;
    private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();

    public ImportJobs(ContactImporter importer, ImportHistory history, Clock clock) {
        this.importer = importer;
        this.history = history;
        this.clock = clock;
    }

    /** Takes over {@code file} and starts checking it (nothing is stored). */
    public ImportJob check(Path file, String fileName, String user) {
        ImportJob job = new ImportJob(UUID.randomUUID(), fileName, user, file, clock.instant());
        jobs.put(job.id(), job);
        forgetOldest();
        runner.execute(() -> {
            try {
                job.checked(importer.run(source(file), Map.of(), true, true, job));
            } catch (ApiException e) {
                job.failed(e.getMessage());
                delete(job);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Checking import " + job.id() + " failed", e);
                job.failed("the file could not be checked");
                delete(job);
            }
        });
        return job;
    }

    /** Imports a checked file; a second click while it runs or after it ran changes nothing. */
    public ImportJob start(UUID id, boolean skipInvalid) {
        ImportJob job = find(id).orElseThrow(ImportJobs::unknown);
        synchronized (job) {
            if (job.phase() != ImportJob.Phase.CHECKED) {
                return job;
            }
            if (job.check().invalid() > 0 && !skipInvalid) {
                throw ApiException.unprocessable("invalid-rows", job.check().invalid()
                        + " rows have problems: fix the file, or import and skip them");
            }
            job.importing(skipInvalid);
        }
        history.started(job, clock.instant());
        runner.execute(() -> {
            try {
                ImportResult result = importer.run(source(job.file()), Map.of(), false, skipInvalid, job);
                if (result.status().equals("applied")) {
                    job.done(result);
                } else {
                    job.failed(result.invalid() + " rows have problems; nothing was stored");
                }
            } catch (ApiException e) {
                job.failed(e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Import " + job.id() + " failed", e);
                job.failed("the contacts could not be stored; nothing was changed");
            } finally {
                delete(job);
                history.finished(job, clock.instant());
            }
        });
        return job;
    }

    public Optional<ImportJob> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Waits until the job is no longer running, or the time is up (pages without JavaScript wait a little). */
    public static void await(ImportJob job, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        try {
            while (job.phase().running() && System.nanoTime() < deadline) {
                Thread.sleep(25);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ApiException unknown() {
        return ApiException.notFound("unknown-import", "There is no such import on this server; upload the file again");
    }

    private static TabularSource source(Path file) {
        return ImportApi.isXlsx(file) ? new XlsxSource(file) : new CsvSource(file);
    }

    /** Keeps the map small: the oldest jobs that are not running are dropped with their files. */
    private void forgetOldest() {
        while (jobs.size() > KEPT) {
            ImportJob oldest = null;
            for (Iterator<ImportJob> it = jobs.values().iterator(); it.hasNext(); ) {
                ImportJob job = it.next();
                if (!job.phase().running() && (oldest == null || job.startedAt().isBefore(oldest.startedAt()))) {
                    oldest = job;
                }
            }
            if (oldest == null) {
                return;
            }
            jobs.remove(oldest.id());
            delete(oldest);
        }
    }

    private static void delete(ImportJob job) {
        try {
            Files.deleteIfExists(job.file());
        } catch (IOException e) {
            // A leftover temp file is harmless.
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
        jobs.values().forEach(ImportJobs::delete);
    }
}
