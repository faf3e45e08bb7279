package org.tapscore.qr.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.tapscore.qr.ErrorCorrection;
import org.tapscore.qr.PngWriter;
import org.tapscore.qr.QrEncoder;
import org.tapscore.qr.QrOptions;
import org.tapscore.qr.SvgWriter;
import org.tapscore.qr.poster.Poster;
import org.tapscore.qr.poster.PosterFormat;
import org.tapscore.qr.poster.PosterRenderer;

/** Turns a text (and, for posters, a location label) into file bytes in the chosen format and style. */
final class CodeRenderer {
    static final String DEFAULT_QUESTION = "How likely is it that you would recommend us to a friend or colleague?";
    static final String DEFAULT_SCAN_HINT = "Scan with your phone camera";

    private final OutputFormat format;
    private final QrOptions options;
    private final PosterFormat posterFormat;
    private final String question;
    private final String scanHint;
    private final String language;
    private final String brand;
    private final byte[] brandLogo;
    private final QrEncoder encoder = new QrEncoder();
    private final SvgWriter svg = new SvgWriter();
    private final PngWriter png = new PngWriter();
    private final PosterRenderer posters = new PosterRenderer();

    CodeRenderer(OutputFormat format, Arguments args) {
        this.format = format;
        QrOptions.Builder builder = QrOptions.builder()
                .size(args.integer("size", QrOptions.DEFAULT_SIZE))
                .allowInverted(args.flag("allow-inverted"));
        args.get("ecc").map(ErrorCorrection::parse).ifPresent(builder::errorCorrection);
        args.get("fg").ifPresent(builder::foreground);
        args.get("bg").ifPresent(builder::background);
        args.get("logo").map(CodeRenderer::readFile).ifPresent(builder::logo);
        this.options = builder.build();
        this.posterFormat = PosterFormat.parse(args.get("poster").orElse("A4"));
        this.question = args.get("question").orElse(DEFAULT_QUESTION);
        this.scanHint = args.get("scan-hint").orElse(DEFAULT_SCAN_HINT);
        this.language = args.get("lang").orElse(null);
        this.brand = args.get("brand").orElse("#0a7d5a");
        this.brandLogo = args.get("brand-logo").map(CodeRenderer::readFile).orElse(null);
    }

    OutputFormat format() {
        return format;
    }

    byte[] render(String text, String locationLabel) {
        switch (format) {
            case SVG:
                return svg.toBytes(encoder.encode(text, options));
            case PNG:
                return png.toBytes(encoder.encode(text, options));
            default:
                Poster poster = Poster.builder().url(text).question(question).scanHint(scanHint)
                        .locationLabel(locationLabel).language(language).brandColor(brand).logo(brandLogo)
                        .qrOptions(options).build();
                return posters.render(poster, posterFormat);
        }
    }

    static byte[] readFile(String name) {
        try {
            return Files.readAllBytes(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new Arguments.UsageException("file not found: " + name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
