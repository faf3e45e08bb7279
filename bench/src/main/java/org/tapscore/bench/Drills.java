package org.tapscore.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fault drills, each against servers started from the packaged jar: {@code kill -9} mid-load (H2 and
 * PostgreSQL), PostgreSQL restarted mid-load, 10,000 hostile requests (H2 and PostgreSQL) and 200 slow clients.
 * Writes {@code bench/results/drills.md}; exits non-zero when a drill fails.
 *
 * <pre>
 * java -jar bench/target/tapscore-bench.jar drills [--no-pg-restart]
 * </pre>
 */
public final class Drills {
    private static final int ANSWERS = 2000;
    private static final int CLIENTS = 16;
    private static final int HOSTILE = 10_000;
    private static final long SEED = 20261203L;

    private final List<String[]> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();
    private boolean allPassed = true;

    private Drills() {
    }

    static boolean runAll(boolean pgRestart, Path out) throws Exception {
        return new Drills().run(pgRestart, out);
    }

    private boolean run(boolean pgRestart, Path out) throws Exception {
        Path work = Files.createTempDirectory("tapscore-drills");
        long started = System.nanoTime();
        try (ServerProcess server = ServerProcess.h2(Files.createDirectories(work.resolve("h2-kill")), Suite.SERVER_JVM)) {
            Suite.log("drill: kill -9 on H2");
            server.start();
            crash("H2", CrashDrill.run(server, "drill-kill", ANSWERS, CLIENTS, CrashDrill.killServer(server), 5, SEED,
                    Duration.ofMinutes(5)));
        }
        try (ServerProcess server = ServerProcess.h2(Files.createDirectories(work.resolve("h2-hostile")), Suite.SERVER_JVM)) {
            Suite.log("drill: hostile requests and slow clients on H2");
            server.start();
            hostile("H2", HostileDrill.run(server, HOSTILE, SEED, 16));
            slow("H2", SlowClientDrill.run(server, 200, Duration.ofSeconds(15)));
        }
        if (Postgres.reachable()) {
            try (Postgres.Schema schema = Postgres.freshSchema();
                 ServerProcess server = ServerProcess.postgres(Files.createDirectories(work.resolve("pg")), schema,
                         Suite.SERVER_JVM)) {
                server.start();
                Suite.log("drill: kill -9 on PostgreSQL");
                crash("PostgreSQL", CrashDrill.run(server, "drill-kill", ANSWERS, CLIENTS, CrashDrill.killServer(server),
                        5, SEED, Duration.ofMinutes(5)));
                if (pgRestart) {
                    Suite.log("drill: PostgreSQL restarted under load");
                    crash("PostgreSQL", CrashDrill.run(server, "drill-pg-restart", ANSWERS, CLIENTS,
                            CrashDrill.restartPostgres(), 2, SEED, Duration.ofMinutes(5)));
                }
                Suite.log("drill: hostile requests on PostgreSQL");
                hostile("PostgreSQL", HostileDrill.run(server, HOSTILE, SEED + 1, 16));
            }
        } else {
            rows.add(new String[]{"PostgreSQL drills", "PostgreSQL", "not reachable at " + Postgres.HOST, "skipped"});
        }
        String md = report((System.nanoTime() - started) / 1e9);
        System.out.print(md);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println("\nwritten to " + out);
        return allPassed;
    }

    private void crash(String db, CrashDrill.Outcome o) {
        Suite.log("  " + o);
        allPassed &= o.passed();
        rows.add(new String[]{o.fault(), db, String.format(Locale.ROOT, "%d answers by %d retrying SDK clients, "
                        + "%d faults: %d acknowledged, %d stored, **%d lost, %d duplicated**, %.0f s", o.answers(), CLIENTS,
                o.faults(), o.acknowledged(), o.stored(), o.lost(), o.duplicates(), o.seconds())
                + (o.firstFailure() == null ? "" : "; " + o.firstFailure()), o.passed() ? "passed" : "**failed**"});
    }

    private void hostile(String db, HostileDrill.Outcome o) {
        Suite.log("  " + o);
        allPassed &= o.passed();
        StringBuilder detail = new StringBuilder(String.format(Locale.ROOT, "%,d requests in %.0f s: **%d 5xx**, "
                        + "stored answers %d → %d, healthy afterwards: %s; statuses %s (0 = closed without reply, "
                        + "-1 = no reply in 15 s)", o.requests(), o.seconds(), o.serverErrors(), o.storedBefore(),
                o.storedAfter(), o.healthy() ? "yes" : "**no**", o.statuses()));
        if (!o.kinds().isEmpty()) {
            detail.append("; problems by kind ").append(o.kinds());
        }
        if (!o.examples().isEmpty()) {
            detail.append("; examples below");
            details.add("### Hostile requests that got a 5xx or stored something (" + db + ")\n");
            for (String example : o.examples()) {
                details.add("    " + example);
            }
            details.add("");
        }
        rows.add(new String[]{"Hostile requests (seed " + (db.equals("H2") ? SEED : SEED + 1) + ")", db,
                detail.toString(), o.passed() ? "passed" : "**failed**"});
    }

    private void slow(String db, SlowClientDrill.Outcome o) {
        Suite.log("  " + o);
        allPassed &= o.passed();
        rows.add(new String[]{"Slow clients (1 byte/s)", db, o.toString(), o.passed() ? "passed" : "**failed**"});
    }

    private String report(double seconds) {
        StringBuilder md = new StringBuilder("# Tapscore fault drills\n\n");
        md.append(String.format(Locale.ROOT, "Run %s; Java %s, %d processors, load average %s, %.0f s in all. Servers "
                        + "started from `widget-server/target/tapscore-widget-server.jar` with `%s`.%n%n",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Suite.loadAverage(), seconds,
                String.join(" ", Suite.SERVER_JVM)));
        md.append("| Drill | DB | Outcome | Result |\n| --- | --- | --- | --- |\n");
        for (String[] row : rows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        if (!details.isEmpty()) {
            md.append('\n').append(String.join("\n", details)).append('\n');
        }
        md.append("\nStored answers are read back through `GET /api/v1/responses?campaign=…` (admin key, every page); "
                + "\"lost\" = acknowledged ids not stored, \"duplicated\" = stored rows beyond one per acknowledged key.\n");
        return md.toString();
    }
}
