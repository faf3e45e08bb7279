package org.tapscore.qr;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The independent programs the tests check our output with: zbarimg (decoder), rsvg-convert (SVG rasteriser),
 * pdftoppm and pdftotext (poppler). Under {@code CI=true} a missing program fails the test instead of skipping it.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** Every symbol zbarimg finds in the given images, in file order, one string per symbol. */
    public static List<String> decode(Path... images) {
        List<String> command = new ArrayList<>(List.of(require("zbarimg"), "--raw", "-q"));
        for (Path image : images) {
            command.add(image.toString());
        }
        Result result = run(command);
        // zbarimg exits 4 when nothing was found; the empty list then makes the caller's assertion fail.
        String out = result.stdout;
        if (out.isEmpty()) {
            return List.of();
        }
        if (out.endsWith("\n")) {
            out = out.substring(0, out.length() - 1);
        }
        return Arrays.asList(out.split("\n", -1));
    }

    /** Rasterises an SVG file to a PNG {@code width} pixels wide with rsvg-convert. */
    public static Path svgToPng(Path svg, int width) {
        Path png = svg.resolveSibling(svg.getFileName() + ".png");
        Result r = run(List.of(require("rsvg-convert"), "-w", Integer.toString(width), "-b", "white",
                "-o", png.toString(), svg.toString()));
        if (r.exit != 0) {
            fail("rsvg-convert failed: " + r.stderr);
        }
        return png;
    }

    /** Rasterises every page of a PDF with pdftoppm; returns the PNGs in page order. */
    public static List<Path> pdfToPngs(Path pdf, int dpi) throws IOException {
        Path prefix = pdf.resolveSibling(pdf.getFileName() + "-page");
        Result r = run(List.of(require("pdftoppm"), "-r", Integer.toString(dpi), "-png", pdf.toString(),
                prefix.toString()));
        if (r.exit != 0) {
            fail("pdftoppm failed: " + r.stderr);
        }
        try (var files = Files.list(pdf.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix.getFileName().toString()))
                    .sorted().toList();
        }
    }

    /** The text poppler extracts from a PDF. */
    public static String pdfToText(Path pdf) {
        Result r = run(List.of(require("pdftotext"), "-enc", "UTF-8", pdf.toString(), "-"));
        if (r.exit != 0) {
            fail("pdftotext failed: " + r.stderr);
        }
        return r.stdout;
    }

    /** The absolute path of a program on the PATH; skips (or, under CI, fails) the test if it is missing. */
    public static String require(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        String message = program + " is not installed (Debian: " + debianPackage(program) + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "; CI must install it");
        }
        Assumptions.abort(message);
        return null;
    }

    private static String debianPackage(String program) {
        return switch (program) {
            case "zbarimg" -> "zbar-tools";
            case "rsvg-convert" -> "librsvg2-bin";
            default -> "poppler-utils";
        };
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out: " + command);
            }
            errReader.join();
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // The process ended; whatever was read is enough for a failure message.
        }
    }
}
