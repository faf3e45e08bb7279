package org.tapscore.qr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tapscore.qr.ExternalTools;

/** The packaged {@code tapscore-qr.jar}, run as users run it: {@code java -jar} in a separate process. */
class QrCommandJarIT {
    static final Path JAR = Path.of("target/tapscore-qr.jar").toAbsolutePath();
    static final String BASE = "https://nps.example.com";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void jarIsBuilt() {
        assertTrue(Files.isRegularFile(JAR), "run after 'package': " + JAR);
        assertTrue(Files.isDirectory(JAR.resolveSibling("libs")), "copy-libs output next to the jar");
    }

    private Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void batchFromASmallCsvDecodesLocationByLocation() throws Exception {
        Path csv = dir.resolve("stores.csv");
        Files.writeString(csv, "\uFEFFlocation id,name\nstore-1,København\nstore-2,\"Aarhus, C\"\n"
                + "Kafé Ærø,Kafé\nstore 4 & 5,\"Two \"\"in\"\" one\"\nmsk-1,Москва\n");
        Path out = dir.resolve("codes");
        Run run = java("--csv", csv.toString(), "--campaign", "after-order", "--base-url", BASE + "/",
                "--format", "png", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        // Output is redirected, so progress comes as plain lines, not a redrawn bar.
        assertFalse(run.err().contains("\r"), run.err());
        assertTrue(run.err().contains("5/5 locations done"), run.err());
        assertEquals(List.of(
                        BASE + "/s/after-order?ch=qr&loc=store-1",
                        BASE + "/s/after-order?ch=qr&loc=store-2",
                        BASE + "/s/after-order?ch=qr&loc=Kaf%C3%A9%20%C3%86r%C3%B8",
                        BASE + "/s/after-order?ch=qr&loc=store%204%20%26%205",
                        BASE + "/s/after-order?ch=qr&loc=msk-1"),
                ExternalTools.decode(out.resolve("store-1.png"), out.resolve("store-2.png"),
                        out.resolve("Kafe_r.png"), out.resolve("store_4_5.png"), out.resolve("msk-1.png")));
    }

    @Test
    void singleCodeHelpAndErrors() throws Exception {
        Path svg = dir.resolve("one.svg");
        Run ok = java("--text", "Москва €", "--out", svg.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(List.of("Москва €"), ExternalTools.decode(ExternalTools.svgToPng(svg, 300)));

        Run help = java("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("Usage:"), help.out());

        Run bad = java("--text", "x", "--fg", "#ffffff", "--out", dir.resolve("x.png").toString());
        assertEquals(1, bad.exit());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("error: foreground #ffffff on background #ffffff has contrast 1.0:1"),
                bad.err());

        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,A\n,missing\nb,B\n");
        Run partial = java("--csv", csv.toString(), "--campaign", "c", "--base-url", BASE, "--out",
                dir.resolve("p.zip").toString());
        assertEquals(2, partial.exit(), partial.err());
        assertTrue(partial.err().contains("line 2: the location id is empty"), partial.err());
        assertTrue(partial.out().contains("wrote 2 of 3 codes"), partial.out());
    }
}
