package org.tapscore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToLongFunction;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.tapscore.qr.PngWriter;
import org.tapscore.qr.QrEncoder;
import org.tapscore.qr.QrOptions;
import org.tapscore.qr.SvgWriter;
import org.tapscore.qr.link.CampaignLink;
import org.tapscore.qr.poster.Poster;
import org.tapscore.qr.poster.PosterFormat;
import org.tapscore.qr.poster.PosterRenderer;

/**
 * QR codes per second on one thread, as ratios against ZXing's own {@code QRCodeWriter.encode} to a
 * {@code BitMatrix} measured in the same run. Prints a Markdown table and writes it to {@code bench/results/qr.md}.
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/tapscore-bench.jar [--quick]
 * </pre>
 */
public final class QrBenchmark {
    private static final int LOCATIONS = 1000;
    private static final String BASE = "https://nps.example.com";

    private final double warmupSeconds;
    private final double roundSeconds;
    private final int rounds;
    private final String[] links = new String[LOCATIONS];
    // Sum of output sizes, printed at the end so the JIT cannot drop the work.
    private long sink;

    private QrBenchmark(boolean quick) {
        this.warmupSeconds = quick ? 0.5 : 2;
        this.roundSeconds = quick ? 0.5 : 1;
        this.rounds = quick ? 2 : 5;
        for (int i = 0; i < LOCATIONS; i++) {
            links[i] = CampaignLink.of(BASE, "after-order", String.format(Locale.ROOT, "store-%04d", i)).qrUrl();
        }
    }

    record Case(String name, IntToLongFunction operation) {
    }

    record Result(String name, double opsPerSecond) {
    }

    public static void main(String[] args) throws IOException {
        boolean quick = List.of(args).contains("--quick");
        Path out = resultsFile(args);
        new QrBenchmark(quick).run(out);
    }

    private void run(Path out) throws IOException {
        QRCodeWriter zxing = new QRCodeWriter();
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8",
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4);
        QrEncoder encoder = new QrEncoder();
        SvgWriter svg = new SvgWriter();
        PngWriter png = new PngWriter();
        PosterRenderer posters = new PosterRenderer();
        QrOptions options = QrOptions.defaults();

        List<Case> cases = List.of(
                new Case("Baseline: ZXing QRCodeWriter.encode → BitMatrix", i -> {
                    try {
                        return zxing.encode(links[i % LOCATIONS], BarcodeFormat.QR_CODE, 0, 0, hints).getWidth();
                    } catch (WriterException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                new Case("QrEncoder.encode → QrCode", i -> encoder.encode(links[i % LOCATIONS], options).size()),
                new Case("SVG bytes (encode + SvgWriter)",
                        i -> svg.toBytes(encoder.encode(links[i % LOCATIONS], options)).length),
                new Case("PNG bytes, 300 px (encode + PngWriter)",
                        i -> png.toBytes(encoder.encode(links[i % LOCATIONS], options)).length),
                new Case("PDF poster A4 (PosterRenderer)", i -> posters.render(Poster.builder()
                        .url(links[i % LOCATIONS]).question("Hvor sandsynligt er det, at du vil anbefale os?")
                        .scanHint("Scan med dit telefonkamera").locationLabel("Kafé Ærø").build(),
                        PosterFormat.A4).length));

        for (Case c : cases) {
            System.err.println("warming up: " + c.name());
            loop(c.operation(), warmupSeconds);
        }
        // Rounds interleave the cases, so a burst of load from other processes hits all of them alike.
        double[] best = new double[cases.size()];
        for (int r = 0; r < rounds; r++) {
            System.err.println("round " + (r + 1) + " of " + rounds);
            for (int c = 0; c < cases.size(); c++) {
                // Collect the previous case's garbage first, so its GC pauses are not billed to this one.
                System.gc();
                best[c] = Math.max(best[c], loop(cases.get(c).operation(), roundSeconds));
            }
        }
        List<Result> results = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            results.add(new Result(cases.get(c).name(), best[c]));
        }

        String table = table(results);
        System.out.print(table);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        System.out.println("\nwritten to " + out + " (checksum " + sink + ")");
    }

    /** Runs {@code operation} for about {@code seconds}; returns operations per second. */
    private double loop(IntToLongFunction operation, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long elapsed;
        int count = 0;
        do {
            for (int k = 0; k < 50; k++) {
                sink += operation.applyAsLong(count++);
            }
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return count / (elapsed / 1e9);
    }

    private String table(List<Result> results) {
        double baseline = results.get(0).opsPerSecond();
        StringBuilder md = new StringBuilder();
        md.append("# QR benchmark\n\n");
        md.append("One thread; ").append(LOCATIONS).append(" distinct campaign links of ")
                .append(links[0].length()).append(" characters (e.g. `").append(links[0]).append("`), ")
                .append("error correction M, default 300 px. Warm-up ").append(warmupSeconds).append(" s, then best of ")
                .append(rounds).append(" rounds of ").append(roundSeconds).append(" s per case.\n\n");
        md.append("| Case | codes/s | µs/code | vs. baseline |\n| --- | ---: | ---: | ---: |\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.2f× |%n", r.name(), r.opsPerSecond(),
                    1e6 / r.opsPerSecond(), r.opsPerSecond() / baseline));
        }
        md.append(String.format(Locale.ROOT, "%nJava %s (%s), %d available processors, load average %s, %s.%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), loadAverage(),
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        md.append("Absolute rates depend on the machine and on what else runs on it; the ratios against the "
                + "baseline, measured in interleaved rounds of the same run, are the comparable figures.\n");
        md.append("\nRun: `./mvnw -q -pl bench -am package -DskipTests && java -jar bench/target/tapscore-bench.jar`\n");
        return md.toString();
    }

    /** The 1/5/15-minute load averages (Linux), so a reader can judge how busy the machine was. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Path resultsFile(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--out")) {
                return Path.of(args[i + 1]);
            }
        }
        return Files.isDirectory(Path.of("bench")) ? Path.of("bench/results/qr.md") : Path.of("results/qr.md");
    }
}
