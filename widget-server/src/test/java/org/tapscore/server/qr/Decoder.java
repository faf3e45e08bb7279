package org.tapscore.server.qr;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The independent readers: zbarimg decodes, rsvg-convert and pdftoppm rasterise (Debian packages). */
final class Decoder {
    private Decoder() {
    }

    static String decodePng(Path png) {
        return run(List.of("zbarimg", "--raw", "-q", png.toString())).strip();
    }

    static Path svgToPng(Path svg) throws IOException {
        Path png = Files.createTempFile("qr", ".png");
        run(List.of("rsvg-convert", "-w", "400", "-b", "white", "-o", png.toString(), svg.toString()));
        return png;
    }

    static Path pdfToPng(Path pdf) throws IOException {
        Path prefix = Files.createTempFile("poster", "");
        run(List.of("pdftoppm", "-r", "150", "-png", "-singlefile", pdf.toString(), prefix.toString()));
        return Path.of(prefix + ".png");
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                Assertions.fail(command.getFirst() + " failed with " + process.exitValue() + ": " + out);
            }
            return out;
        } catch (IOException e) {
            String message = command.getFirst() + " is not installed (see .ci/run): " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
