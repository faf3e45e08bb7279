package org.tapscore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every benchmark in one run: servers on H2 and on PostgreSQL started from the packaged jar with {@code -Xmx256m},
 * each timing next to a baseline measured in the same run (interleaved rounds where the two can alternate), and
 * one Markdown table on the terminal and in {@code bench/results/latest.md}.
 *
 * <pre>
 * ./mvnw -q -DskipTests package &amp;&amp; java -jar bench/target/tapscore-bench.jar [--quick] [--full] [--profile]
 * </pre>
 */
public final class Suite {
    static final List<String> SERVER_JVM = List.of("-Xmx256m");

    private final boolean quick;
    private final boolean full;
    private final boolean profile;
    private final Path results;
    private final Table table = new Table();
    private final List<String> notes = new ArrayList<>();
    private final Path work;
    private final StringBuilder profiles = new StringBuilder();

    Suite(boolean quick, boolean full, boolean profile, Path results) throws IOException {
        this.quick = quick;
        this.full = full;
        this.profile = profile;
        this.results = results;
        this.work = Files.createTempDirectory("tapscore-bench");
    }

    void run() throws Exception {
        long started = System.nanoTime();
        qr();
        h2();
        if (Postgres.reachable()) {
            postgres();
        } else {
            notes.add("PostgreSQL at " + Postgres.HOST + " was not reachable: its rows are missing.");
        }
        if (profile) {
            Path file = results.resolveSibling("profile.md");
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(file, "# Where the server's CPU goes\n\nJFR (`jcmd <pid> JFR.start settings=profile`) of "
                    + "the server process during the last closed-loop round of each phase; top frames of "
                    + "`jdk.ExecutionSample`.\n\n" + profiles, StandardCharsets.UTF_8);
            notes.add("Server profiles (JFR execution samples) of the view and recording phases: `profile.md`.");
        }
        String md = report((System.nanoTime() - started) / 1e9);
        System.out.print(md);
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, md, StandardCharsets.UTF_8);
        System.out.println("\nwritten to " + results);
    }

    private double seconds(double normal) {
        return quick ? Math.max(1.5, normal / 2.5) : normal;
    }

    private int rounds() {
        return quick ? 1 : 2;
    }

    // ---- QR ----

    private void qr() throws IOException {
        log("QR codes");
        List<QrBenchmark.Result> qr = QrBenchmark.measure(quick, quick ? null : results.resolveSibling("qr.md"));
        double baseline = qr.get(0).opsPerSecond();
        QrBenchmark.Result svg = qr.stream().filter(r -> r.name().startsWith("SVG")).findFirst().orElseThrow();
        table.add("QR SVG codes/s on one core", "—", fmt(svg.opsPerSecond(), "/s"),
                "ZXing encode → BitMatrix " + fmt(baseline, "/s"), ratio(svg.opsPerSecond() / baseline),
                "≥ 3,000/s", met(svg.opsPerSecond() >= 3000, svg.opsPerSecond() / 3000));
    }

    // ---- H2 ----

    private void h2() throws Exception {
        Path dir = Files.createDirectories(work.resolve("h2"));
        try (ServerProcess server = ServerProcess.h2(dir, SERVER_JVM)) {
            log("H2 server: starting");
            server.start();
            idleMemory(server, "H2");
            bytes(server);
            views(server, "H2");
            Http.createCampaign(server, "bench");
            recording(server, "H2", null);
            afterLoad(server, "H2");
        }
    }

    // ---- PostgreSQL ----

    private void postgres() throws Exception {
        Path dir = Files.createDirectories(work.resolve("pg"));
        try (Postgres.Schema schema = Postgres.freshSchema();
             ServerProcess server = ServerProcess.postgres(dir, schema, SERVER_JVM)) {
            log("PostgreSQL server: starting (schema " + schema.name() + ")");
            server.start();
            idleMemory(server, "PostgreSQL");
            views(server, "PostgreSQL");
            Http.createCampaign(server, "bench");
            recording(server, "PostgreSQL", schema);
            summary(server, schema, "bench-1m", quick ? 100_000 : 1_000_000, 50);
            if (full) {
                summary(server, schema, "bench-10m", 10_000_000, 200);
            } else {
                notes.add("Summary over 10 M answers is opt-in (`--full`): loading 10 M rows takes several minutes "
                        + "on a busy 2-core machine.");
            }
            afterLoad(server, "PostgreSQL");
        }
    }

    // ---- measurements ----

    private void idleMemory(ServerProcess server, String db) throws InterruptedException {
        Thread.sleep(3000);
        long rss = server.rssBytes();
        table.add("Server RSS when idle (after start)", db, mb(rss), "—", "—", "≤ 150 MB",
                met(rss > 0 && rss <= 150L << 20, (150.0 * (1 << 20)) / rss));
    }

    private void afterLoad(ServerProcess server, String db) throws Exception {
        Thread.sleep(2000);
        long rss = server.rssBytes();
        boolean oom = Files.readString(server.log()).contains("OutOfMemoryError");
        boolean healthy = server.isAlive()
                && Http.get(server.url("/observe/health")).statusCode() == 200;
        table.add("Load run with `-Xmx256m` (RSS after it)", db, mb(rss), "—", "—", "passes",
                healthy && !oom ? "met" : "**not met**" + (oom ? " (OutOfMemoryError in log)" : " (unhealthy)"));
    }

    private void bytes(ServerProcess server) throws IOException, InterruptedException {
        log("bytes of the pop-up");
        PopupBytes b = PopupBytes.measure(server);
        if (b.widgetBuilt()) {
            table.add("`/widget.js` min+gzip", "—", b.widgetGzip() + " B", "Plausible tracker 2.5 KB", "—",
                    "≤ 2 KB", met(b.widgetGzip() <= 2048, 2048.0 / b.widgetGzip()));
        } else {
            table.add("`/widget.js` min+gzip", "—", "not built yet", "—", "—", "≤ 2 KB", "not built yet");
        }
        table.add("Pop-up bytes before first paint (gzip)", "—", b.totalGzip() + " B"
                        + (b.widgetBuilt() ? "" : " (without widget.js)"), "—", "—", "≤ 8 KB",
                met(b.totalGzip() <= 8192, 8192.0 / b.totalGzip()));
        notes.add("Pop-up parts: " + String.join("; ", b.parts()) + ".");
    }

    private void views(ServerProcess server, String db) throws Exception {
        log(db + ": view render vs static file");
        double bestStatic = 0;
        double bestView = 0;
        Load.Result lastView = null;
        double staticCpu = Double.MAX_VALUE;
        double viewCpu = Double.MAX_VALUE;
        for (int r = 0; r < rounds(); r++) {
            if (r == 0) {
                // Warm-ups apart, so the CPU counted below belongs to the counted requests only.
                Load.closed(server.url("/assets/survey.css"), 32, 2, 0).run();
                Load.closed(server.url("/embed/demo"), 32, 2, 0).run();
            }
            double cpu0 = server.cpuSeconds();
            Load.Result s = Load.closed(server.url("/assets/survey.css"), 32, seconds(4), 0).run();
            double cpu1 = server.cpuSeconds();
            staticCpu = Math.min(staticCpu, cpuPerRequest(cpu0, cpu1, s));
            boolean profiling = profile && r == rounds() - 1;
            if (profiling) {
                Profile.start(server.pid());
            }
            double cpu2 = server.cpuSeconds();
            Load.Result v = Load.closed(server.url("/embed/demo"), 32, seconds(4), 0).run();
            viewCpu = Math.min(viewCpu, cpuPerRequest(cpu2, server.cpuSeconds(), v));
            if (profiling) {
                profiles.append("## View render `/embed/demo` on ").append(db).append("\n\n")
                        .append(Profile.stopAndSummarise(server.pid(), work.resolve("view-" + db + ".jfr"), 15))
                        .append('\n');
            }
            log("  static " + s + "\n  view   " + v);
            bestStatic = Math.max(bestStatic, s.throughput());
            bestView = Math.max(bestView, v.throughput());
            lastView = v;
            checkErrors(db + " view", v);
            checkErrors(db + " static", s);
        }
        double ratio = bestView / bestStatic;
        table.add("View render `/embed/demo` req/s", db, fmt(bestView, "/s") + " (p99 " + ms(lastView.p99Ms()) + ")",
                "static `/assets/survey.css` " + fmt(bestStatic, "/s"), pct(ratio), "≥ 60 %",
                met(ratio >= 0.6, ratio / 0.6));
        table.add("View render: server CPU per request", db, us(viewCpu), "static file " + us(staticCpu),
                pct(staticCpu / viewCpu) + " of the rate", "≥ 60 %", met(staticCpu / viewCpu >= 0.6, staticCpu / viewCpu / 0.6));
    }

    /** Server CPU seconds per successful request of a phase (its warm-up ran before, in another phase). */
    private static double cpuPerRequest(double before, double after, Load.Result r) {
        return r.ok() == 0 || before < 0 ? Double.NaN : (after - before) / (r.ok() + r.errors());
    }

    static String us(double seconds) {
        return Double.isNaN(seconds) ? "unknown" : String.format(Locale.ROOT, "%,.0f µs", seconds * 1e6);
    }

    private void recording(ServerProcess server, String db, Postgres.Schema schema) throws Exception {
        log(db + ": recording answers");
        String url = server.url("/api/v1/responses");
        double bestHttp = 0;
        double bestBatch = 0;
        double bestSingle = 0;
        int batchRows = quick ? 20_000 : 50_000;
        String run = Long.toString(System.currentTimeMillis(), 36);
        double httpCpu = Double.MAX_VALUE;
        for (int r = 0; r < rounds(); r++) {
            if (schema != null) {
                bestBatch = Math.max(bestBatch,
                        JdbcBaselines.batchedInsert(schema, "bench", "batch-" + run + "-" + r, batchRows, 2, 500));
                log("  JDBC batched insert " + fmt(bestBatch, "/s"));
            }
            boolean profiling = profile && r == rounds() - 1;
            if (profiling) {
                Profile.start(server.pid());
            }
            if (r == 0) {
                Load.closed(url, 64, 2, 0).answers("bench", "warm-" + run).run();
            }
            double cpu0 = server.cpuSeconds();
            Load.Result http = Load.closed(url, 64, seconds(5), 0).answers("bench", "http-" + run + "-" + r).run();
            httpCpu = Math.min(httpCpu, cpuPerRequest(cpu0, server.cpuSeconds(), http));
            if (profiling) {
                profiles.append("## Recording `POST /api/v1/responses` on ").append(db).append("\n\n")
                        .append(Profile.stopAndSummarise(server.pid(), work.resolve("recording-" + db + ".jfr"), 15))
                        .append('\n');
            }
            log("  HTTP closed loop " + http);
            checkErrors(db + " recording", http);
            bestHttp = Math.max(bestHttp, http.throughput());
            if (schema != null) {
                bestSingle = Math.max(bestSingle,
                        JdbcBaselines.singleInserts(schema, "bench", "single-" + run + "-" + r, seconds(4), 16));
                log("  JDBC one insert per commit " + fmt(bestSingle, "/s"));
            }
        }
        table.add("Recording: server CPU per answer", db, us(httpCpu), "—", "—", "—",
                String.format(Locale.ROOT, "≈ %,.0f answers/s if the server had 2 idle cores", 2 / httpCpu));
        double half = bestHttp / 2;
        Load.Result open = Load.open(url, half, seconds(8)).answers("bench", "open-" + run).run();
        log("  open loop at half the peak " + open);
        checkErrors(db + " open loop", open);
        if (schema != null) {
            double ratio = bestHttp / bestBatch;
            table.add("Recorded answers/s (`POST /api/v1/responses`)", db, fmt(bestHttp, "/s"),
                    "raw batched JDBC insert " + fmt(bestBatch, "/s"), pct(ratio), "≥ 50 %",
                    met(ratio >= 0.5, ratio / 0.5));
            double single = bestHttp / bestSingle;
            table.add("Recorded answers/s vs. one insert + commit per row", db, fmt(bestHttp, "/s"),
                    "JDBC, 16 threads " + fmt(bestSingle, "/s"), ratio(single), "≥ 5×", met(single >= 5, single / 5));
            try (Connection c = schema.connect()) {
                long stored = JdbcBaselines.count(c, "bench");
                notes.add(String.format(Locale.ROOT, "PostgreSQL campaign `bench` holds %,d rows after the recording "
                        + "benchmark (HTTP and JDBC together).", stored));
            }
        } else {
            table.add("Recorded answers/s (`POST /api/v1/responses`)", db, fmt(bestHttp, "/s"),
                    "— (the H2 file is the server's alone)", "—", "—", "—");
        }
        boolean latencyMet = open.p99Ms() < 25 && open.errors() == 0;
        table.add("p99 latency at half the peak rate (open loop)", db,
                ms(open.p99Ms()) + " at " + fmt(open.throughput(), "/s"), "p50 " + ms(open.p50Ms()), "—",
                "< 25 ms", met(latencyMet, 25 / Math.max(open.p99Ms(), 0.001)));
    }

    private void summary(ServerProcess server, Postgres.Schema schema, String campaign, long rows, double targetMs)
            throws Exception {
        log(String.format(Locale.ROOT, "PostgreSQL: loading %,d answers into %s", rows, campaign));
        Http.createCampaign(server, campaign);
        long loadStart = System.nanoTime();
        JdbcBaselines.bulkLoad(schema, campaign, rows);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        String url = server.url("/api/v1/campaigns/" + campaign + "/summary");
        int samples = quick ? 7 : 15;
        double[] api = new double[samples];
        double[] sql = new double[samples];
        try (Connection c = schema.connect()) {
            for (int i = 0; i < 3; i++) {
                Http.getWithKey(url);
                JdbcBaselines.aggregate(c, campaign);
            }
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                var res = Http.getWithKey(url);
                long t1 = System.nanoTime();
                long counted = JdbcBaselines.aggregate(c, campaign);
                long t2 = System.nanoTime();
                // The fast path must also be the right one: the summary counts every loaded answer.
                if (res.statusCode() != 200 || counted != rows || !res.body().contains("\"responses\":" + rows + ",")) {
                    throw new IllegalStateException("summary " + res.statusCode() + " " + res.body()
                            + ", aggregate counted " + counted);
                }
                api[i] = (t1 - t0) / 1e6;
                sql[i] = (t2 - t1) / 1e6;
            }
        }
        double apiMs = median(api);
        double sqlMs = median(sql);
        String label = rows >= 1_000_000 ? (rows / 1_000_000) + " M" : (rows / 1000) + " k";
        table.add("Campaign summary over " + label + " answers (median of " + samples + ")", "PostgreSQL",
                ms(apiMs), "`select score, count(*) … group by score` " + ms(sqlMs), ratio(apiMs / sqlMs) + " the time",
                "< " + (int) targetMs + " ms", met(apiMs < targetMs, targetMs / apiMs));
        notes.add(String.format(Locale.ROOT, "Loading %,d answers with `insert … select generate_series` (+ vacuum "
                + "analyze) took %.0f s.", rows, loadSeconds));
    }

    private void checkErrors(String what, Load.Result r) {
        if (r.errors() > 0) {
            notes.add(String.format(Locale.ROOT, "%s: %d failed requests (%s; first: %s).", what, r.errors(),
                    r.statuses(), r.firstError()));
        }
    }

    // ---- formatting ----

    private String report(double seconds) {
        StringBuilder md = new StringBuilder();
        md.append("# Tapscore benchmarks\n\n");
        md.append(String.format(Locale.ROOT, "Run %s%s, %s; Java %s, %d processors, load average %s, %.0f s in "
                        + "all. Servers started from `widget-server/target/tapscore-widget-server.jar` with `%s`; "
                        + "load from a separate generator process (closed loop 32–64 clients for rates, open loop for "
                        + "latency, measured from the scheduled send time).%n%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), quick ? " (--quick)" : "",
                full ? "with --full" : "without --full", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage(), seconds, String.join(" ", SERVER_JVM)));
        md.append(table.markdown());
        md.append("\n");
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        md.append("\nAbsolute figures depend on the machine and on what else runs on it; the ratios against the "
                + "baselines measured in the same run are the comparable figures. Rates are the best of the "
                + "interleaved rounds.\n");
        return md.toString();
    }

    static String fmt(double value, String unit) {
        return String.format(Locale.ROOT, "%,.0f%s", value, unit);
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f ms" : "%.1f ms", value);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String mb(long bytes) {
        return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }

    /** "met (1.8× margin)" or "not met (0.6× of target)": how far from the line, whichever side. */
    static String met(boolean met, double factor) {
        return met ? String.format(Locale.ROOT, "met (%.1f× margin)", factor)
                : String.format(Locale.ROOT, "**not met** (%.2f× of target)", factor);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void log(String message) {
        System.err.println("[bench] " + message);
    }

    /** Rows of the results table. */
    private static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        void add(String... cells) {
            rows.add(cells);
        }

        String markdown() {
            StringBuilder md = new StringBuilder(
                    "| Benchmark | DB | Measured | Baseline (same run) | Ratio | Target | Met |\n"
                            + "| --- | --- | ---: | --- | ---: | --- | --- |\n");
            for (String[] row : rows) {
                md.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
            return md.toString();
        }
    }
}
