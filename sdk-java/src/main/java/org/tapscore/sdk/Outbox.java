package org.tapscore.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A durable queue of answers that delivers them in the background, for places where the network comes and goes
 * (kiosks, shop tills, field apps). An answer handed to {@link #recordLater(RecordRequest)} is on disk when the
 * call returns; it reaches the server even if the application crashes or the machine loses power, and it is stored
 * there exactly once.
 *
 * <pre>{@code
 * try (Outbox outbox = client.outbox(Path.of("/var/lib/kiosk/tapscore"))) {
 *     outbox.recordLater(RecordRequest.builder("in-store", 10).location("Copenhagen").build());
 *     // … the answer is delivered in the background, now or after the next restart
 * }
 * }</pre>
 *
 * <h2>How it works</h2>
 * <ul>
 *   <li>{@code recordLater} fixes the idempotency key and {@code answeredAt} (now, unless the request has its own),
 *       appends the finished request body to {@code journal.log} and forces it to disk before returning.</li>
 *   <li>One daemon thread sends the entries in order through the client (with the client's retries). Each
 *       delivered key is appended to {@code acks.log} and forced. When everything is delivered both files are
 *       emptied.</li>
 *   <li>A crash between sending and acknowledging sends that entry again after the restart with the same
 *       idempotency key, and the server answers with the response it stored the first time: sending is
 *       at-least-once, storing exactly-once.</li>
 *   <li>Each journal record carries its length and a CRC-32C, so a record torn by a crash is recognised, ignored
 *       and cut off.</li>
 *   <li>An answer the server refuses for good (400, 404, 413, 422, a final 409 and other 4xx except 401, 403, 408
 *       and 429) goes to {@code dead-letter.jsonl} with the reason instead of blocking the queue. Anything else
 *       (network down, 5xx, 429, a wrong API key) is retried with growing pauses (1 s doubling to 1 min unless
 *       configured) until it succeeds or the outbox is closed.</li>
 *   <li>One outbox owns a directory at a time, across processes: {@code outbox.lock} is held with a
 *       {@link FileLock} while it is open.</li>
 * </ul>
 */
public final class Outbox implements AutoCloseable {
    static final String JOURNAL = "journal.log";
    static final String ACKS = "acks.log";
    static final String DEAD_LETTER = "dead-letter.jsonl";
    static final String LOCK = "outbox.lock";

    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());

    private final Path dir;
    private final TapscoreClient client;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Consumer<RecordedResponse> onDelivered;
    private final BiConsumer<String, TapscoreException> onDeadLetter;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Journal journal;
    private final Journal acks;

    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition changed = mutex.newCondition();
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final Thread sender;
    private boolean closed;

    private record Entry(String key, byte[] body) {
    }

    private Outbox(Builder b) {
        this.dir = b.dir;
        this.client = b.client;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.onDelivered = b.onDelivered;
        this.onDeadLetter = b.onDeadLetter;
        FileChannel lockChannel = null;
        FileLock lock = null;
        Journal journal = null;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                throw new OutboxException("the outbox directory " + dir + " is already in use by another outbox "
                        + "(in this or another process): close that one first, or give each outbox its own directory",
                        null);
            }
            journal = Journal.open(dir.resolve(JOURNAL));
            this.acks = Journal.open(dir.resolve(ACKS));
            this.journal = journal;
        } catch (IOException e) {
            closeQuietly(journal, lock, lockChannel);
            throw new OutboxException("cannot open the outbox in " + dir + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(journal, lock, lockChannel);
            throw e;
        }
        this.lockChannel = lockChannel;
        this.lock = lock;
        recover();
        this.sender = new Thread(this::run, "tapscore-outbox-" + dir.getFileName());
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /** Opens the outbox in {@code dir} (created if needed) with default settings and starts delivering. */
    public static Outbox open(Path dir, TapscoreClient client) {
        return builder(dir, client).open();
    }

    /** Starts configuring an outbox in {@code dir} that delivers through {@code client}. */
    public static Builder builder(Path dir, TapscoreClient client) {
        return new Builder(dir, client);
    }

    /**
     * Queues an answer durably and returns its idempotency key. When this returns, the answer is on disk and will
     * be delivered; the server stores it once, however often it has to be sent.
     *
     * @throws OutboxException when the outbox is closed or the journal cannot be written
     */
    public String recordLater(RecordRequest request) {
        Objects.requireNonNull(request, "request");
        String key = request.idempotencyKey() != null ? request.idempotencyKey() : client.newIdempotencyKey();
        byte[] body = client.recordBody(request, key, client.clock().instant());
        mutex.lock();
        try {
            if (closed) {
                throw new OutboxException("the outbox in " + dir + " is closed", null);
            }
            journal.append(body);
            queue.addLast(new Entry(key, body));
            changed.signalAll();
        } catch (IOException e) {
            throw new OutboxException("cannot write the answer to " + journal.file() + ": " + e, e);
        } finally {
            mutex.unlock();
        }
        return key;
    }

    /** How many answers are queued and not yet delivered (including one being sent right now). */
    public int pending() {
        mutex.lock();
        try {
            return queue.size();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Waits until every queued answer is delivered (or dead-lettered) or the timeout passes.
     *
     * @return {@code true} when nothing is pending
     */
    public boolean awaitDelivered(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        mutex.lock();
        try {
            while (!queue.isEmpty()) {
                if (nanos <= 0 || closed) {
                    return queue.isEmpty();
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            mutex.unlock();
        }
    }

    /** The file where refused answers are kept, one JSON object per line with the request body and the reason. */
    public Path deadLetterFile() {
        return dir.resolve(DEAD_LETTER);
    }

    /**
     * Stops the sender (letting a request in flight finish for up to 10 seconds), closes the journals and releases
     * the directory. Undelivered answers stay on disk for the next {@code open}.
     */
    @Override
    public void close() {
        mutex.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            mutex.unlock();
        }
        try {
            sender.join(10_000);
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(journal, acks);
        closeQuietly(null, lock, lockChannel);
    }

    // ---- recovery and delivery ---------------------------------------------------------------------------------

    private void recover() {
        Set<String> delivered = new HashSet<>();
        for (byte[] ack : acks.records()) {
            delivered.add(new String(ack, StandardCharsets.UTF_8));
        }
        for (byte[] body : journal.records()) {
            String key = keyOf(body);
            if (key != null && !delivered.contains(key)) {
                queue.addLast(new Entry(key, body));
            }
        }
        if (journal.damaged() > 0 || acks.damaged() > 0) {
            LOG.log(Level.WARNING, "Outbox {0}: skipped {1} torn or damaged journal record(s) after an unclean stop",
                    dir, journal.damaged() + acks.damaged());
        }
        mutex.lock();
        try {
            compactIfDrained();
        } finally {
            mutex.unlock();
        }
    }

    private String keyOf(byte[] body) {
        try {
            JsonNode key = client.json().readTree(body).path("idempotencyKey");
            return key.isTextual() ? key.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void run() {
        int failures = 0;
        while (true) {
            Entry entry;
            mutex.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    changed.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                entry = queue.peekFirst();
            } finally {
                mutex.unlock();
            }
            try {
                RecordedResponse stored = client.deliver(entry.body());
                acknowledge(entry, null);
                failures = 0;
                notify(onDelivered, stored);
            } catch (OutboxException e) {
                // The answer is stored but its acknowledgement is not on disk: it stays at the head and is sent
                // again later, which the server answers with the stored response.
                failures++;
                LOG.log(Level.ERROR, "Outbox " + dir + ": cannot write the acknowledgement", e);
                sleepUnlessClosed(pause(failures));
            } catch (TapscoreException e) {
                if (isDelivered(e)) {
                    acknowledge(entry, null);
                    failures = 0;
                } else if (isFinal(e)) {
                    acknowledge(entry, e);
                    failures = 0;
                } else {
                    failures++;
                    Duration pause = pause(failures);
                    LOG.log(Level.WARNING, "Outbox {0}: delivery failed ({1}); {2} answer(s) pending, next try in {3} ms",
                            dir, e.getMessage(), pending(), pause.toMillis());
                    sleepUnlessClosed(pause);
                }
            } catch (RuntimeException e) {
                failures++;
                LOG.log(Level.ERROR, "Outbox " + dir + ": unexpected failure while delivering", e);
                sleepUnlessClosed(pause(failures));
            }
        }
    }

    /** A 2xx whose body could not be read still means the server stored the answer. */
    private static boolean isDelivered(TapscoreException e) {
        return e.status() >= 200 && e.status() <= 299;
    }

    /** Answers that repeating cannot fix; everything else waits for the network, the server or a new API key. */
    static boolean isFinal(TapscoreException e) {
        if (e instanceof FatigueException) {
            return true;
        }
        int status = e.status();
        return status >= 400 && status <= 499 && status != 401 && status != 403 && status != 408 && status != 409
                && status != 429;
    }

    private void acknowledge(Entry entry, TapscoreException refusal) {
        mutex.lock();
        try {
            if (refusal != null) {
                writeDeadLetter(entry, refusal);
            }
            acks.append(entry.key().getBytes(StandardCharsets.UTF_8));
            queue.pollFirst();
            compactIfDrained();
            changed.signalAll();
        } catch (IOException e) {
            throw new OutboxException("cannot write to " + dir + ": " + e, e);
        } finally {
            mutex.unlock();
        }
        if (refusal != null) {
            LOG.log(Level.WARNING, "Outbox {0}: answer {1} refused for good and moved to {2}: {3}",
                    dir, entry.key(), DEAD_LETTER, refusal.getMessage());
            if (onDeadLetter != null) {
                try {
                    onDeadLetter.accept(entry.key(), refusal);
                } catch (RuntimeException callbackFailure) {
                    LOG.log(Level.WARNING, "Outbox dead-letter callback failed", callbackFailure);
                }
            }
        }
    }

    private void writeDeadLetter(Entry entry, TapscoreException refusal) throws IOException {
        ObjectNode line = client.json().createObjectNode();
        line.put("idempotencyKey", entry.key());
        line.put("refusedAt", client.clock().instant().toString());
        line.put("status", refusal.status());
        line.put("code", refusal.code());
        line.put("detail", refusal.detail());
        line.put("requestId", refusal.requestId());
        line.set("request", client.json().readTree(entry.body()));
        byte[] bytes = (client.json().writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = deadLetterFile();
        boolean created = !Files.exists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (created) {
            Journal.forceDirectory(dir);
        }
    }

    /**
     * Empties both journals once nothing is pending. The journal goes first: a crash in between leaves
     * acknowledgements of keys that will never be queued again, which is harmless.
     */
    private void compactIfDrained() {
        if (!queue.isEmpty() || (journal.size() == 0 && acks.size() == 0)) {
            return;
        }
        try {
            journal.clear();
            acks.clear();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Outbox " + dir + ": cannot compact the journal; will try again", e);
        }
    }

    /** Exponential pause with equal jitter: half the window fixed, half random, so kiosks do not retry in step. */
    private Duration pause(int failures) {
        long window = initialBackoff.toMillis();
        for (int i = 1; i < failures && window < maxBackoff.toMillis(); i++) {
            window *= 2;
        }
        window = Math.min(window, maxBackoff.toMillis());
        return Duration.ofMillis(window / 2 + ThreadLocalRandom.current().nextLong(window / 2 + 1));
    }

    private void sleepUnlessClosed(Duration pause) {
        long nanos = pause.toNanos();
        mutex.lock();
        try {
            while (!closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            mutex.unlock();
        }
    }

    private static <T> void notify(Consumer<T> listener, T value) {
        if (listener != null) {
            try {
                listener.accept(value);
            } catch (RuntimeException callbackFailure) {
                LOG.log(Level.WARNING, "Outbox delivery callback failed", callbackFailure);
            }
        }
    }

    private static void closeQuietly(Journal journal, FileLock lock, FileChannel channel) {
        try {
            if (journal != null) {
                journal.close();
            }
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing: nothing left to do with a failure
        }
    }

    private static void closeQuietly(Journal a, Journal b) {
        for (Journal journal : new Journal[] {a, b}) {
            try {
                journal.close();
            } catch (IOException ignored) {
                // closing: nothing left to do with a failure
            }
        }
    }

    /**
     * Configures an {@link Outbox}.
     *
     * <pre>{@code
     * Outbox outbox = Outbox.builder(Path.of("data/outbox"), client)
     *         .retryBackoff(Duration.ofSeconds(2), Duration.ofMinutes(5))
     *         .onDeadLetter((key, reason) -> log.warn("answer " + key + " refused: " + reason.getMessage()))
     *         .open();
     * }</pre>
     */
    public static final class Builder {
        private final Path dir;
        private final TapscoreClient client;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofMinutes(1);
        private Consumer<RecordedResponse> onDelivered;
        private BiConsumer<String, TapscoreException> onDeadLetter;

        private Builder(Path dir, TapscoreClient client) {
            this.dir = Objects.requireNonNull(dir, "dir");
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The pause after the first failed delivery and the longest pause; 1 second and 1 minute unless set. */
        public Builder retryBackoff(Duration initial, Duration max) {
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("retryBackoff needs 0 < initial <= max, was " + initial + ", " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** Called on the sender thread with each stored response. */
        public Builder onDelivered(Consumer<RecordedResponse> onDelivered) {
            this.onDelivered = onDelivered;
            return this;
        }

        /** Called on the sender thread with the idempotency key and the reason of each refused answer. */
        public Builder onDeadLetter(BiConsumer<String, TapscoreException> onDeadLetter) {
            this.onDeadLetter = onDeadLetter;
            return this;
        }

        /** Takes the directory's lock, recovers the journal and starts the sender. */
        public Outbox open() {
            return new Outbox(this);
        }
    }
}
