package org.tapscore.qr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code tapscore-qr} command: one code, or one code per location from a CSV file.
 *
 * <pre>
 * java -jar tapscore-qr.jar --url "https://nps.example.com/s/after-order?ch=qr" --out code.svg
 * java -jar tapscore-qr.jar --csv stores.csv --campaign after-order --base-url https://nps.example.com \
 *      --format png --out codes.zip
 * </pre>
 *
 * Exit codes: 0 done, 1 nothing done (bad arguments or an error, one line on stderr), 2 a batch where some rows
 * failed (the others are written; the bad rows are listed with their line numbers).
 */
public final class QrCommand {
    static final int OK = 0;
    static final int ERROR = 1;
    static final int ROWS_FAILED = 2;

    private QrCommand() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, isTerminal()));
    }

    /** Runs the command as {@link #main} does, without exiting; progress is printed as plain lines. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        try {
            Arguments arguments = Arguments.parse(Arrays.asList(args));
            if (arguments.flag("help")) {
                out.print(usage());
                return OK;
            }
            if (args.length == 0) {
                err.print(usage());
                return ERROR;
            }
            return arguments.has("csv") ? batch(arguments, out, err, terminal) : single(arguments, out);
        } catch (IllegalArgumentException | Arguments.UsageException e) {
            err.println("error: " + e.getMessage());
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getCause().getMessage());
        } catch (NoSuchFileException e) {
            err.println("error: file not found: " + e.getFile());
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
        } catch (RuntimeException e) {
            err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return ERROR;
    }

    private static int single(Arguments args, PrintStream out) throws IOException {
        if (args.has("text") && args.has("url")) {
            throw new Arguments.UsageException("give either --text or --url, not both");
        }
        String text = args.get("text").or(() -> args.get("url")).orElseThrow(() ->
                new Arguments.UsageException("--text or --url is missing: give what the code should hold "
                        + "(or --csv for a batch)"));
        Path target = Path.of(args.require("out", "give the file to write, e.g. --out code.svg"));
        CodeRenderer renderer = new CodeRenderer(format(args, target.toString()), args);
        byte[] content = renderer.render(text, args.get("location-label").orElse(null));
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(target, content);
        out.println("wrote " + target);
        return OK;
    }

    private static int batch(Arguments args, PrintStream out, PrintStream err, boolean terminal)
            throws IOException {
        Path csv = Path.of(args.require("csv", "give the CSV file of locations"));
        String campaign = args.require("campaign", "give the campaign id, e.g. --campaign after-order");
        String baseUrl = args.require("base-url", "give the server's public address, e.g. "
                + "--base-url https://nps.example.com");
        Path target = Path.of(args.require("out", "give a folder or a .zip file, e.g. --out codes.zip"));
        OutputFormat format = args.get("format").map(OutputFormat::parse).orElse(OutputFormat.SVG);
        LocationBatch batch = new LocationBatch(baseUrl, campaign, new CodeRenderer(format, args));
        List<CsvReader.Row> rows = CsvReader.parse(Files.readAllBytes(csv));
        List<LocationBatch.Failure> failures = batch.run(rows, target, out, err, terminal);
        if (failures.isEmpty()) {
            return OK;
        }
        err.println(failures.size() + " row(s) of " + csv + " failed:");
        for (LocationBatch.Failure failure : failures) {
            err.println("  line " + failure.line() + ": " + failure.message());
        }
        return ROWS_FAILED;
    }

    private static OutputFormat format(Arguments args, String fileName) {
        if (args.has("format")) {
            return OutputFormat.parse(args.get("format").get());
        }
        OutputFormat guessed = OutputFormat.fromFileName(fileName);
        return guessed == null ? OutputFormat.SVG : guessed;
    }

    /**
     * Whether stderr shows on a terminal. From JDK 22, {@code System.console()} is non-null even when redirected;
     * {@code Console.isTerminal()} (looked up by reflection, as this module targets Java 17) tells the truth.
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static String usage() {
        return String.join("\n",
                "Usage:",
                "  java -jar tapscore-qr.jar --text TEXT --out FILE [options]",
                "  java -jar tapscore-qr.jar --csv LOCATIONS.csv --campaign ID --base-url URL --out DIR|FILE.zip"
                        + " [options]",
                "",
                "One code:",
                "  --text TEXT, --url URL   what the code holds (any language, emoji; --url is the same)",
                "  --out FILE               file to write; its extension picks the format unless --format is given",
                "",
                "Batch (one file per CSV row 'location id,name'; header row optional; UTF-8):",
                "  --csv FILE               the locations",
                "  --campaign ID            campaign id; each code opens BASE/s/ID?ch=qr&loc=<location id>",
                "  --base-url URL           the server's public address; long links become BASE/q/<code>",
                "  --out DIR|FILE.zip       a folder or a ZIP archive; files are named after the location ids",
                "",
                "Options:",
                "  --format svg|png|pdf     default svg; pdf is a printable poster",
                "  --size N                 PNG size in pixels (SVG width/height), default 300",
                "  --ecc L|M|Q|H            error correction, default M (H with --logo)",
                "  --fg #hex --bg #hex      colours, default #000000 on #ffffff; low contrast is refused",
                "  --allow-inverted         accept light modules on a dark background",
                "  --logo FILE              PNG/JPEG in the centre of the code",
                "Poster (--format pdf):",
                "  --poster A4|A5|A6-tent   paper format, default A4 (A6-tent: two A6 faces on an A5 sheet)",
                "  --question TEXT          default: \"" + CodeRenderer.DEFAULT_QUESTION + "\"",
                "  --scan-hint TEXT         default: \"" + CodeRenderer.DEFAULT_SCAN_HINT + "\"",
                "  --location-label TEXT    printed under the code (batch: the name column)",
                "  --lang TAG               language of the texts, e.g. da",
                "  --brand #hex             brand band colour, default #0a7d5a",
                "  --brand-logo FILE        PNG/JPEG in the brand band",
                "",
                "Exit codes: 0 done, 1 error, 2 some batch rows failed (listed with line numbers).",
                "");
    }
}
