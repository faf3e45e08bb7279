package org.tapscore.qr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tapscore.qr.ExternalTools;
import org.tapscore.qr.link.CampaignLink;

class QrCommandTest {
    static final String BASE = "https://nps.example.com";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return QrCommand.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneCodeInEachFormat() throws IOException {
        String text = "https://nps.example.com/s/after-order?ch=qr&loc=Kaf%C3%A9";
        Path svg = dir.resolve("code.svg");
        Path png = dir.resolve("code.png");
        Path pdf = dir.resolve("out/poster.pdf");
        assertEquals(0, run("--url", text, "--out", svg.toString()));
        assertEquals(0, run("--text", text, "--format", "png", "--size", "360", "--ecc", "Q",
                "--fg", "#0a3d62", "--bg", "#ffffff", "--out", png.toString()));
        assertEquals(0, run("--text", text, "--out", pdf.toString(), "--poster", "A5",
                "--question", "Hvor sandsynligt er det, at du vil anbefale os?", "--lang", "da"));
        assertTrue(Files.readString(svg).startsWith("<svg"));
        assertTrue(out().contains("wrote " + png), out());
        assertEquals(List.of(text, text, text), ExternalTools.decode(ExternalTools.svgToPng(svg, 300), png,
                ExternalTools.pdfToPngs(pdf, 100).get(0)));
        assertTrue(ExternalTools.pdfToText(pdf).contains("Hvor sandsynligt"));
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("--csv LOCATIONS.csv --campaign ID --base-url URL"), out());
        assertEquals("", err());
    }

    @Test
    void errorsAreOneLineWithExitCodeOne() {
        assertEquals(1, run("--text", "x", "--fg", "#777777", "--bg", "#888888", "--out",
                dir.resolve("x.svg").toString()));
        assertOneLineError("contrast 1.3:1, too low");
        assertEquals(1, run("--text", "x"));
        assertOneLineError("--out is missing");
        assertEquals(1, run("--text", "x", "--out", dir.resolve("x.png").toString(), "--size", "big"));
        assertOneLineError("--size must be a whole number");
        assertEquals(1, run("--text", "x", "--colour", "red"));
        assertOneLineError("unknown option --colour");
        assertEquals(1, run("--csv", dir.resolve("missing.csv").toString(), "--campaign", "c",
                "--base-url", BASE, "--out", dir.resolve("o").toString()));
        assertOneLineError("file not found");
        assertEquals(1, run("--text", "x".repeat(5000), "--out", dir.resolve("x.svg").toString()));
        assertOneLineError("too long for a QR code");
        assertFalse(Files.exists(dir.resolve("x.svg")));
    }

    private void assertOneLineError(String expected) {
        String err = err();
        assertTrue(err.startsWith("error: ") && err.contains(expected), err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("\tat "), err);
        errBytes.reset();
    }

    @Test
    void batchOfAThousandLocationsIntoAZip() throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFFlocation id,name\r\n");
        for (int i = 1; i <= 1000; i++) {
            csv.append(String.format("store-%04d,\"Store %d, Ærøskøbing\"\r\n", i, i));
        }
        Path csvFile = dir.resolve("locations.csv");
        Files.writeString(csvFile, csv);
        Path zip = dir.resolve("codes.zip");

        long start = System.nanoTime();
        assertEquals(0, run("--csv", csvFile.toString(), "--campaign", "after-order", "--base-url", BASE,
                "--out", zip.toString()), err());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 20_000, "took " + millis + " ms");
        assertTrue(out().contains("wrote 1000 of 1000 codes"), out());
        assertTrue(err().contains("1000/1000 locations done"), err());
        assertEquals(10, err().lines().count(), "plain progress lines, not one per row: " + err());

        List<String> names = new ArrayList<>();
        List<Path> sample = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
                int number = Integer.parseInt(entry.getName().substring(6, 10));
                if (number % 20 == 7) {
                    Path svg = dir.resolve(entry.getName());
                    Files.write(svg, readAll(in));
                    sample.add(ExternalTools.svgToPng(svg, 300));
                    expected.add(CampaignLink.of(BASE, "after-order", String.format("store-%04d", number)).qrUrl());
                }
            }
        }
        assertEquals(1000, names.size());
        assertEquals("store-0001.svg", names.get(0));
        assertEquals(50, sample.size());
        assertEquals(expected, ExternalTools.decode(sample.toArray(Path[]::new)));
        assertEquals(BASE + "/s/after-order?ch=qr&loc=store-0007", expected.get(0));
    }

    @Test
    void badRowsAreListedAndTheOthersStillWritten() throws IOException {
        Path csvFile = dir.resolve("stores.csv");
        Files.writeString(csvFile, String.join("\n",
                "kbh-1,København",
                ",no id",
                "aarhus 2,\"Aarhus, Strøget\"",
                "odense,Odense,extra",
                "kbh-1,again",
                "Kafé Ærø/1,\"Kafé \"\"Ærø\"\"\"",
                "msk,\"Москва",
                ""));
        Path out = dir.resolve("codes");
        assertEquals(2, run("--csv", csvFile.toString(), "--campaign", "after-order", "--base-url", BASE,
                "--format", "png", "--out", out.toString()));
        String err = err();
        assertTrue(err.contains("4 row(s) of " + csvFile + " failed:"), err);
        assertTrue(err.contains("line 2: the location id is empty"), err);
        assertTrue(err.contains("line 4: expected 2 columns"), err);
        assertTrue(err.contains("line 5: duplicate location id 'kbh-1' (first on line 1)"), err);
        assertTrue(err.contains("line 7: unterminated quoted field"), err);
        assertTrue(out().contains("wrote 3 of 7 codes"), out());

        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("Kafe_r_1.png", "aarhus_2.png", "kbh-1.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(List.of(
                        CampaignLink.of(BASE, "after-order", "Kafé Ærø/1").qrUrl(),
                        BASE + "/s/after-order?ch=qr&loc=aarhus%202",
                        BASE + "/s/after-order?ch=qr&loc=kbh-1"),
                ExternalTools.decode(out.resolve("Kafe_r_1.png"), out.resolve("aarhus_2.png"),
                        out.resolve("kbh-1.png")));
    }

    @Test
    void batchPostersCarryTheLocationName() throws IOException {
        Path csvFile = dir.resolve("tables.csv");
        Files.writeString(csvFile, "table-1,Bord ved vinduet\ntable-2,Терраса\n");
        Path zip = dir.resolve("posters.zip");
        assertEquals(0, run("--csv", csvFile.toString(), "--campaign", "dinner", "--base-url", BASE,
                "--format", "pdf", "--poster", "A6-tent", "--out", zip.toString()), err());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry first = in.getNextEntry();
            assertEquals("table-1.pdf", first.getName());
            Path pdf = dir.resolve(first.getName());
            Files.write(pdf, readAll(in));
            assertTrue(ExternalTools.pdfToText(pdf).contains("Bord ved vinduet"));
            String link = BASE + "/s/dinner?ch=qr&loc=table-1";
            assertEquals(List.of(link, link), ExternalTools.decode(ExternalTools.pdfToPngs(pdf, 100).get(0)));
        }
    }

    @Test
    void safeFileNames() {
        assertEquals("Kafe_r_1", FileNames.safe("Kafé Ærø/1"));
        assertEquals("etc_passwd", FileNames.safe("../etc/passwd"));
        assertEquals("location", FileNames.safe("Москва"));
        FileNames names = new FileNames();
        assertEquals("a_b.svg", names.forLocation("c", "a b", "svg"));
        assertTrue(names.forLocation("c", "a/b", "svg").matches("a_b-[0-9A-Za-z]{8}\\.svg"));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
