package org.tapscore.server.response;

import org.tapscore.server.db.Database;
import org.tapscore.server.web.ApiException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit: answers that arrive together are written in one transaction by a few writer threads, and each
 * request is acknowledged only after the commit that holds its row. One commit per answer would cap a campaign
 * burst at a few thousand answers a second; a batch costs about the same as a single row.
 */
public final class ResponseRecorder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ResponseRecorder.class.getName());

    private final Database db;
    private final ResponseRepository repository;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;
    private final InsertHook hook;

    public ResponseRecorder(Database db, ResponseRepository repository, int writerThreads, int maxBatch,
                            int queueCapacity) {
        this(db, repository, writerThreads, maxBatch, queueCapacity, (c, created) -> { });
    }

    /** A recorder that lets {@code hook} write its own rows in the transaction of each batch (e.g. alerts). */
    public ResponseRecorder(Database db, ResponseRepository repository, int writerThreads, int maxBatch,
                            int queueCapacity, InsertHook hook) {
        this.hook = hook;
        this.db = db;
        this.repository = repository;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        for (int i = 0; i < writerThreads; i++) {
            Thread writer = Thread.ofPlatform().name("response-writer-" + i).daemon().start(this::writeLoop);
            writers.add(writer);
        }
    }

    /** Stores the answer (or finds the earlier one with its idempotency key) and returns once committed. */
    public ResponseRepository.Recorded record(StoredResponse row) {
        Pending pending = new Pending(row);
        try {
            if (!running || !queue.offer(pending, 2, TimeUnit.SECONDS)) {
                throw ApiException.unavailable("The server is busy storing answers; please retry", 1);
            }
            return pending.result.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("The answer was not stored; please retry", 1);
        } catch (TimeoutException e) {
            // Not acknowledged: the client retries with the same key and gets whatever was committed.
            throw ApiException.unavailable("Storing the answer took too long; please retry", 1);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Could not store an answer", e.getCause());
            throw ApiException.unavailable("The answer could not be stored right now; please retry", 2);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                batch.forEach(p -> p.result.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        boolean oneByOne = false;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                List<ResponseRepository.Recorded> results =
                        repository.insertAll(c, batch.stream().map(p -> p.row).toList());
                hook.inserted(c, results.stream().filter(ResponseRepository.Recorded::created)
                        .map(ResponseRepository.Recorded::response).toList());
                c.commit();
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result.complete(results.get(i));
                }
            } catch (SQLException e) {
                c.rollback();
                if (batch.size() == 1) {
                    batch.getFirst().result.completeExceptionally(e);
                } else {
                    oneByOne = true;
                }
            }
        } catch (SQLException e) {
            batch.forEach(p -> p.result.completeExceptionally(e));
        }
        if (oneByOne) {
            // One bad row must not fail its neighbours: write them one by one.
            for (Pending pending : batch) {
                write(List.of(pending));
            }
        }
    }

    public int queueDepth() {
        return queue.size();
    }

    /** Stops taking answers and finishes writing the ones already queued. */
    @Override
    public void close() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Writes rows that must exist exactly when the new responses exist, on the batch's connection before its
     * commit: both commit together or neither does, and no answer is acknowledged without them.
     */
    @FunctionalInterface
    public interface InsertHook {
        void inserted(Connection c, List<StoredResponse> created) throws SQLException;
    }

    private static final class Pending {
        final StoredResponse row;
        final CompletableFuture<ResponseRepository.Recorded> result = new CompletableFuture<>();

        Pending(StoredResponse row) {
            this.row = row;
        }
    }
}
