package org.tapscore.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 100,000-row contact list imported over HTTP ({@code POST /api/v1/imports}) into the packaged server running
 * with {@code -Xmx256m}, on H2 and on PostgreSQL, next to a plain batched JDBC insert of the same rows into the same
 * table of the same database (the baseline, measured in the same run). The file is imported twice: the second
 * run must find every row unchanged.
 *
 * <pre>
 * java -jar bench/target/tapscore-bench.jar import [rows]     # → bench/results/import.md
 * </pre>
 */
public final class ImportBenchmark {
    public static final List<String> SERVER_JVM = List.of("-Xmx256m");
    /** A quarter of the target's heap: a server that held the file's rows in memory would run out here. */
    public static final List<String> SMALL_HEAP = List.of("-Xmx64m");
    public static final Duration TARGET = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final long SEED = 20261204L;

    private ImportBenchmark() {
    }

    /** One database's figures. */
    public record Outcome(String db, String heap, int rows, double seconds, double reimportSeconds, String report,
                          String reimportReport, double baselineSeconds, long rssBytes, boolean outOfMemory) {
        public double rowsPerSecond() {
            return rows / seconds;
        }

        public boolean createdAll() {
            return count(report, "created") == rows && count(reimportReport, "unchanged") == rows
                    && count(reimportReport, "updated") == 0 && count(reimportReport, "created") == 0;
        }

        public boolean passed() {
            return createdAll() && !outOfMemory && seconds < TARGET.toSeconds();
        }

        @Override
        public String toString() {
            String base = Double.isNaN(baselineSeconds) ? "no baseline" : String.format(Locale.ROOT,
                    "JDBC batch insert %.1f s (%.2f× the server's time)", baselineSeconds, seconds / baselineSeconds);
            return String.format(Locale.ROOT, "%s %s: %,d rows in %.1f s (%,.0f rows/s), again in %.1f s; %s; "
                            + "RSS %d MB; OOM %s; %s", db, heap, rows, seconds, rowsPerSecond(), reimportSeconds, base,
                    rssBytes >> 20, outOfMemory, passed() ? "passed" : "FAILED " + report + " / " + reimportReport);
        }
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path results = Files.isDirectory(Path.of("bench")) ? Path.of("bench/results") : Path.of("results");
        Path csv = ContactCsv.write(Files.createTempFile("tapscore-contacts", ".csv"), rows, "k", SEED);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            outcomes.add(h2(csv, rows));
            System.out.println(outcomes.getLast());
            outcomes.add(h2(csv, rows, false, SMALL_HEAP));
            System.out.println(outcomes.getLast());
            if (Postgres.reachable()) {
                outcomes.add(postgres(csv, rows));
                System.out.println(outcomes.getLast());
            } else {
                System.out.println("PostgreSQL at " + Postgres.HOST + " is not reachable: skipped");
            }
        } finally {
            Files.deleteIfExists(csv);
        }
        String table = table(outcomes, rows);
        Files.createDirectories(results);
        Files.writeString(results.resolve("import.md"), table);
        System.out.println(table);
        System.exit(outcomes.stream().allMatch(Outcome::passed) ? 0 : 1);
    }

    /** The import on the embedded H2 database; the baseline opens the same file after the server has stopped. */
    public static Outcome h2(Path csv, int rows) throws Exception {
        return h2(csv, rows, true, SERVER_JVM);
    }

    /** As {@link #h2(Path, int)} with other JVM options, and without the baseline when it is not wanted. */
    public static Outcome h2(Path csv, int rows, boolean withBaseline, List<String> jvm) throws Exception {
        Path data = Files.createTempDirectory("tapscore-import-h2");
        Outcome server;
        try (ServerProcess process = ServerProcess.h2(data, jvm).start()) {
            server = imports(process, "H2", jvm, csv, rows);
            process.stop();
        }
        if (!withBaseline) {
            return server;
        }
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("tapscore")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        double baseline;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            baseline = baseline(c, rows);
        }
        return withBaseline(server, baseline);
    }

    /** The import on a fresh PostgreSQL schema; the baseline writes into the same table over its own connection. */
    public static Outcome postgres(Path csv, int rows) throws Exception {
        try (Postgres.Schema schema = Postgres.freshSchema();
             ServerProcess process = ServerProcess.postgres(Files.createTempDirectory("tapscore-import-pg"), schema,
                     SERVER_JVM).start()) {
            Outcome server = imports(process, "PostgreSQL", SERVER_JVM, csv, rows);
            double baseline;
            try (Connection c = schema.connect()) {
                baseline = baseline(c, rows);
            }
            return withBaseline(server, baseline);
        }
    }

    private static Outcome imports(ServerProcess process, String db, List<String> jvm, Path csv, int rows)
            throws Exception {
        long start = System.nanoTime();
        String report = upload(process, csv);
        double seconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        String again = upload(process, csv);
        double reimport = (System.nanoTime() - start) / 1e9;
        long rss = process.rssBytes();
        boolean oom = Files.readString(process.log()).contains("OutOfMemoryError") || !process.isAlive();
        return new Outcome(db, String.join(" ", jvm), rows, seconds, reimport, report, again, Double.NaN, rss, oom);
    }

    private static Outcome withBaseline(Outcome o, double baseline) {
        return new Outcome(o.db(), o.heap(), o.rows(), o.seconds(), o.reimportSeconds(), o.report(), o.reimportReport(),
                baseline, o.rssBytes(), o.outOfMemory());
    }

    static String upload(ServerProcess process, Path csv) throws IOException, InterruptedException {
        HttpResponse<String> res = CLIENT.send(HttpRequest.newBuilder(URI.create(process.url("/api/v1/imports")))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + ServerProcess.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IOException("import answered " + res.statusCode() + ": " + abbreviate(res.body()) + "\n"
                    + process.tail());
        }
        return abbreviate(res.body());
    }

    /**
     * What the database needs for the same rows without the server: one prepared insert, 1,000 rows per batch,
     * one transaction, the same columns (attributes as the JSON the server writes). External ids get another
     * prefix, so the rows land next to the imported ones and pay for the same indexes.
     */
    static double baseline(Connection c, int rows) throws SQLException {
        SplittableRandom random = new SplittableRandom(SEED);
        Timestamp now = Timestamp.from(Instant.now());
        long start = System.nanoTime();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("insert into respondent (id, external_id, email, phone, name, "
                + "company, language, attributes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                ContactCsv.Contact contact = ContactCsv.contact(random, "baseline-", i);
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, contact.externalId());
                ps.setString(3, contact.email());
                ps.setString(4, contact.phone());
                ps.setString(5, contact.name());
                ps.setString(6, contact.company());
                ps.setString(7, contact.language());
                ps.setString(8, contact.attributesJson());
                ps.setTimestamp(9, now);
                ps.setTimestamp(10, now);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        c.commit();
        return (System.nanoTime() - start) / 1e9;
    }

    static String table(List<Outcome> outcomes, int rows) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "# Contact import%n%nRun %s; Java %s, %d "
                        + "processors. %,d-row CSV (UTF-8 with BOM, semicolons, Danish names, 3 attribute columns), "
                        + "`POST /api/v1/imports` to the packaged server in a child JVM.%n%n",
                Instant.now(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), rows));
        md.append("| DB | Server heap | Import | Rows/s | Same file again | Baseline: JDBC batch insert | Server time ÷ baseline "
                + "| RSS after | Target < 60 s |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Outcome o : outcomes) {
            boolean base = !Double.isNaN(o.baselineSeconds());
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %.1f s | %,.0f | %.1f s | %s | %s | %d MB | %s |%n",
                    o.db(), o.heap(), o.seconds(), o.rowsPerSecond(), o.reimportSeconds(),
                    base ? String.format(Locale.ROOT, "%.1f s", o.baselineSeconds()) : "—",
                    base ? String.format(Locale.ROOT, "%.1f×", o.seconds() / o.baselineSeconds()) : "—",
                    o.rssBytes() >> 20,
                    o.passed() ? String.format(Locale.ROOT, "met (%.1f× margin)", TARGET.toSeconds() / o.seconds())
                            : "**not met**"));
        }
        md.append("\nReports:\n");
        for (Outcome o : outcomes) {
            md.append("\n- ").append(o.db()).append(' ').append(o.heap()).append(": `").append(o.report()).append("`, again: `")
                    .append(o.reimportReport()).append('`');
        }
        return md.append('\n').toString();
    }

    static int count(String report, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(report);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static String abbreviate(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
