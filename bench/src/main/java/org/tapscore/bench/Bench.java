package org.tapscore.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bench jar's entry point.
 *
 * <pre>
 * java -jar bench/target/tapscore-bench.jar [--quick] [--full] [--profile]   # every benchmark → results/latest.md
 * java -jar bench/target/tapscore-bench.jar drills [--no-pg-restart]          # fault drills
 * java -jar bench/target/tapscore-bench.jar qr [--quick]                      # QR benchmark alone
 * java -jar bench/target/tapscore-bench.jar hostile [count] [seed]            # replay hostile requests on H2
 * java -jar bench/target/tapscore-bench.jar import [rows]                     # contact import → results/import.md
 * </pre>
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        Path results = Files.isDirectory(Path.of("bench")) ? Path.of("bench/results") : Path.of("results");
        if (a.contains("import")) {
            ImportBenchmark.main(args);
        } else if (a.contains("qr")) {
            QrBenchmark.main(args);
        } else if (a.contains("hostile")) {
            // Replays one seed of hostile requests against a fresh H2 server: hostile [count] [seed]
            int count = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
            long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
            HostileDrill.Outcome o;
            try (ServerProcess server = ServerProcess.h2(Files.createTempDirectory("tapscore-hostile"), Suite.SERVER_JVM)) {
                server.start();
                o = HostileDrill.run(server, count, seed, 16);
            }
            System.out.println(o);
            System.exit(o.passed() ? 0 : 1);
        } else if (a.contains("drills")) {
            System.exit(Drills.runAll(!a.contains("--no-pg-restart"), results.resolve("drills.md")) ? 0 : 1);
        } else {
            new Suite(a.contains("--quick"), a.contains("--full"), a.contains("--profile"),
                    results.resolve("latest.md")).run();
        }
        System.exit(0);
    }
}
