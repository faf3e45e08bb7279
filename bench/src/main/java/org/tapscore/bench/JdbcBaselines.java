package org.tapscore.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the database can do without the server in between, measured in the same run against the same table: the
 * baselines of the recording and summary benchmarks, and the bulk loader of the summary data.
 *
 * <pre>{@code
 * double rowsPerSecond = JdbcBaselines.batchedInsert(schema, "bench", "jdbc-batch-1", 50_000, 2, 500);
 * }</pre>
 */
public final class JdbcBaselines {
    /** The server's own insert (ResponseRepository), so both paths pay for the same indexes and constraints. */
    private static final String INSERT = "insert into response (id, campaign_id, score, comment, channel, locale, "
            + "location, device, respondent_id, invitation, page_url, idempotency_key, suspect, answered_at, "
            + "received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";

    private JdbcBaselines() {
    }

    /** {@code rows} rows in batches of {@code batch}, one commit per batch, on {@code threads} connections. */
    public static double batchedInsert(Postgres.Schema schema, String campaign, String prefix, int rows,
                                       int threads, int batch) throws Exception {
        AtomicLong next = new AtomicLong();
        return timed(threads, () -> {
            try (Connection c = schema.connect(); PreparedStatement ps = c.prepareStatement(INSERT)) {
                c.setAutoCommit(false);
                long written = 0;
                while (true) {
                    long first = next.getAndAdd(batch);
                    if (first >= rows) {
                        return written;
                    }
                    long last = Math.min(rows, first + batch);
                    for (long n = first; n < last; n++) {
                        bind(ps, campaign, prefix + "-" + n, (int) (n % 11));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                    written += last - first;
                }
            }
        });
    }

    /** One insert and one commit per row on {@code threads} connections, for {@code seconds}. */
    public static double singleInserts(Postgres.Schema schema, String campaign, String prefix, double seconds,
                                       int threads) throws Exception {
        AtomicLong next = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        return timed(threads, () -> {
            try (Connection c = schema.connect(); PreparedStatement ps = c.prepareStatement(INSERT)) {
                c.setAutoCommit(true);
                long written = 0;
                while (System.nanoTime() < deadline) {
                    long n = next.getAndIncrement();
                    bind(ps, campaign, prefix + "-" + n, (int) (n % 11));
                    ps.executeUpdate();
                    written++;
                }
                return written;
            }
        });
    }

    private static double timed(int threads, Callable<Long> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(work));
            }
            long total = 0;
            for (Future<Long> f : futures) {
                total += f.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void bind(PreparedStatement ps, String campaign, String key, int score) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        ps.setObject(1, UUID.randomUUID());
        ps.setString(2, campaign);
        ps.setInt(3, score);
        ps.setString(4, null);
        ps.setString(5, "API");
        ps.setString(6, null);
        ps.setString(7, null);
        ps.setString(8, null);
        ps.setObject(9, null);
        ps.setString(10, null);
        ps.setString(11, null);
        ps.setString(12, key);
        ps.setBoolean(13, false);
        ps.setTimestamp(14, now);
        ps.setTimestamp(15, now);
    }

    /**
     * Loads {@code rows} answers into {@code campaign} inside PostgreSQL ({@code generate_series}), scores skewed
     * towards promoters as real NPS data is, answered at random moments over the past year; then vacuums and
     * analyzes so the planner sees them.
     */
    public static void bulkLoad(Postgres.Schema schema, String campaign, long rows) throws SQLException {
        long chunk = 1_000_000;
        try (Connection c = schema.connect()) {
            c.setAutoCommit(true);
            for (long first = 0; first < rows; first += chunk) {
                long last = Math.min(rows, first + chunk) - 1;
                try (PreparedStatement ps = c.prepareStatement("insert into response (id, campaign_id, score, "
                        + "channel, locale, idempotency_key, suspect, answered_at, received_at) "
                        + "select gen_random_uuid(), ?, "
                        + "(array[0,1,2,3,4,5,6,6,7,7,7,8,8,8,8,9,9,9,9,10,10,10,10,10])[1 + floor(random() * 24)::int], "
                        + "(array['EMBED','POPUP','QR','LINK','EMAIL','KIOSK'])[1 + floor(random() * 6)::int], "
                        + "'en', 'bulk-' || g, false, t, t "
                        + "from (select g, now() - random() * interval '365 days' as t "
                        + "from generate_series(?::bigint, ?::bigint) g) s")) {
                    ps.setString(1, campaign);
                    ps.setLong(2, first);
                    ps.setLong(3, last);
                    ps.executeUpdate();
                }
                System.err.printf("  loaded %,d of %,d rows%n", last + 1, rows);
            }
            // The bulk path bypasses the server's recorder, so it counts its rows into the hourly rollup the way
            // the recorder does for every answer it stores (UTC hours of answered_at, suspect answers left out).
            try (PreparedStatement ps = c.prepareStatement("insert into response_hourly "
                    + "(campaign_id, bucket, score, answers) "
                    + "select campaign_id, date_trunc('hour', answered_at at time zone 'UTC') at time zone 'UTC', "
                    + "score, count(*) from response where campaign_id = ? and not suspect group by 1, 2, 3")) {
                ps.setString(1, campaign);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("vacuum analyze response");
                st.execute("vacuum analyze response_hourly");
            }
        }
    }

    /** The plain aggregate the summary is compared with; returns the number of rows it counted. */
    public static long aggregate(Connection c, String campaign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select score, count(*) from response where campaign_id = ? group by score")) {
            ps.setString(1, campaign);
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total += rs.getLong(2);
                }
            }
            return total;
        }
    }

    public static long count(Connection c, String campaign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from response where campaign_id = ?")) {
            ps.setString(1, campaign);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
