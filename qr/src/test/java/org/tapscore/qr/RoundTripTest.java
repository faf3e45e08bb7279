package org.tapscore.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every code is read back by zbarimg; SVG goes through rsvg-convert first. */
class RoundTripTest {
    static final String LONG_URL = "https://surveys.example.com/s/after-order?ch=qr&loc="
            + "x".repeat(300 - 52);

    static final List<String> SAMPLES = List.of(
            "Kafé Ærø",
            "€",
            "Москва",
            "Thanks 👍🏽 see you 🎉",
            "https://shop.example/a b/c?q=x&y=1%202&z=a+b#frag ment",
            "HELLO 123",
            "0123456789",
            LONG_URL);

    private final QrEncoder encoder = new QrEncoder();

    @TempDir
    Path dir;

    @Test
    void longUrlIsThreeHundredCharacters() {
        assertEquals(300, LONG_URL.length());
    }

    @Test
    void pngRoundTripsEverySample() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < SAMPLES.size(); i++) {
            QrOptions options = QrOptions.builder().size(400).build();
            Path file = dir.resolve("sample-" + i + ".png");
            Files.write(file, new PngWriter().toBytes(encoder.encode(SAMPLES.get(i), options)));
            files.add(file);
        }
        assertEquals(SAMPLES, ExternalTools.decode(files.toArray(Path[]::new)));
    }

    @Test
    void svgRoundTripsEverySample() throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < SAMPLES.size(); i++) {
            Path svg = dir.resolve("sample-" + i + ".svg");
            Files.write(svg, new SvgWriter().toBytes(encoder.encode(SAMPLES.get(i), QrOptions.defaults())));
            files.add(ExternalTools.svgToPng(svg, 400));
        }
        assertEquals(SAMPLES, ExternalTools.decode(files.toArray(Path[]::new)));
    }

    @Test
    void svgIsOnePathNotOneElementPerModule() {
        String svg = new SvgWriter().write(encoder.encode("https://example.com/s/after-order", QrOptions.defaults()));
        assertEquals(1, count(svg, "<path"));
        assertEquals(1, count(svg, "<rect"));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"300\""), svg);
        assertTrue(svg.length() < 4000, "compact: " + svg.length() + " chars");
    }

    @Test
    void utf8TextIsEncodedInByteModeWithEci() {
        // An ECI header makes the symbol one version larger than Latin-1 would need for short text at most.
        QrCode code = encoder.encode("Kafé Ærø", QrOptions.defaults());
        assertEquals(1, code.version());
        assertEquals(21, code.size());
    }

    @Test
    void brandColoursJustAboveTheContrastLimitStillScan() throws IOException {
        QrOptions options = QrOptions.builder().foreground("#0a7d5a").background("#fffbe6").build();
        QrOptions grey = QrOptions.builder().foreground("#8f8f8f").background("#ffffff").build();
        assertTrue(Colors.contrastRatio(0x8f8f8f, 0xffffff) < 3.3);
        Path green = dir.resolve("green.png");
        Path light = dir.resolve("grey.png");
        Files.write(green, new PngWriter().toBytes(encoder.encode("brand", options)));
        Files.write(light, new PngWriter().toBytes(encoder.encode("grey", grey)));
        assertEquals(List.of("brand", "grey"), ExternalTools.decode(green, light));
    }

    @Test
    void centreLogoUsesErrorCorrectionHAndStillScans() throws IOException {
        byte[] logo = logoPng();
        QrOptions options = QrOptions.builder().size(500).logo(logo).build();
        assertEquals(ErrorCorrection.H, options.errorCorrection());
        String text = "https://surveys.example.com/s/after-order?ch=qr&loc=store-7";
        QrCode code = encoder.encode(text, options);
        assertTrue(code.logoSide() >= 5, "logo square " + code.logoSide());
        Path png = dir.resolve("logo.png");
        Files.write(png, new PngWriter().toBytes(code));
        Path svg = dir.resolve("logo.svg");
        Files.write(svg, new SvgWriter().toBytes(code));
        assertTrue(Files.readString(svg).contains("data:image/png;base64,"));
        assertEquals(List.of(text, text), ExternalTools.decode(png, ExternalTools.svgToPng(svg, 500)));
    }

    static byte[] logoPng() throws IOException {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x0a7d5a));
        g.fillOval(0, 0, 120, 80);
        g.setColor(Color.WHITE);
        g.fillRect(40, 25, 40, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int count(String haystack, String needle) {
        return haystack.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
