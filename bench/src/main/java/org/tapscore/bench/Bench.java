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
 * </pre>
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        Path results = Files.isDirectory(Path.of("bench")) ? Path.of("bench/results") : Path.of("results");
        if (a.contains("qr")) {
            QrBenchmark.main(args);
        } else if (a.contains("drills")) {
            System.exit(Drills.runAll(!a.contains("--no-pg-restart"), results.resolve("drills.md")) ? 0 : 1);
        } else {
            new Suite(a.contains("--quick"), a.contains("--full"), a.contains("--profile"),
                    results.resolve("latest.md")).run();
        }
        System.exit(0);
    }
}
