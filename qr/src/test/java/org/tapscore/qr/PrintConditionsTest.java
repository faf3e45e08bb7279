package org.tapscore.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Codes as they end up in the world: on dark surfaces, printed small, in brand colours. */
class PrintConditionsTest {
    static final String LINK = "https://surveys.example.com/s/after-order?ch=qr&loc=store-0042";

    private final QrEncoder encoder = new QrEncoder();

    @TempDir
    Path dir;

    @Test
    void codeOnABlackPageStillScansThanksToItsQuietZone() throws IOException {
        BufferedImage code = ImageIO.read(new ByteArrayInputStream(
                new PngWriter().toBytes(encoder.encode(LINK, QrOptions.defaults()))));
        BufferedImage page = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.drawImage(code, 310, 170, null);
        g.dispose();
        Path file = dir.resolve("black-page.png");
        ImageIO.write(page, "png", file.toFile());
        assertEquals(List.of(LINK), ExternalTools.decode(file));
    }

    @Test
    void quietZoneIsAtLeastFourModulesOfBackground() throws IOException {
        QrCode qr = encoder.encode(LINK, QrOptions.defaults());
        BufferedImage image = new PngWriter().toImage(qr);
        int scale = 300 / qr.sizeWithQuietZone();
        int border = 4 * scale;
        for (int i = 0; i < 300; i++) {
            for (int j = 0; j < border; j++) {
                assertEquals(0xFFFFFF, image.getRGB(i, j) & 0xFFFFFF);
                assertEquals(0xFFFFFF, image.getRGB(j, i) & 0xFFFFFF);
                assertEquals(0xFFFFFF, image.getRGB(i, 299 - j) & 0xFFFFFF);
                assertEquals(0xFFFFFF, image.getRGB(299 - j, i) & 0xFFFFFF);
            }
        }
        assertThrows(QrException.class, () -> QrOptions.builder().quietZone(3));
    }

    @Test
    void defaultCodePrintedTwoCentimetresWideAt300DpiScans() throws IOException {
        // 2 cm at 300 dpi = 236 px.
        QrOptions options = QrOptions.builder().size(236).build();
        QrCode qr = encoder.encode(LINK, options);
        Path png = dir.resolve("2cm.png");
        Files.write(png, new PngWriter().toBytes(qr));
        assertEquals(236, ImageIO.read(png.toFile()).getWidth());
        Path svg = dir.resolve("2cm.svg");
        Files.write(svg, new SvgWriter().toBytes(encoder.encode(LINK, QrOptions.defaults())));
        assertEquals(List.of(LINK, LINK), ExternalTools.decode(png, ExternalTools.svgToPng(svg, 236)));
    }

    @Test
    void lowContrastIsRefusedWithAClearMessage() {
        QrException e = assertThrows(QrException.class,
                () -> QrOptions.builder().foreground("#777777").background("#999999").build());
        assertTrue(e.getMessage().contains("contrast 1.6:1"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 3:1"), e.getMessage());
        assertThrows(QrException.class, () -> QrOptions.builder().foreground("#ffd700").build());
    }

    @Test
    void invertedCodeIsRefusedUnlessAllowed() throws IOException {
        QrException e = assertThrows(QrException.class,
                () -> QrOptions.builder().foreground("#ffffff").background("#000000").build());
        assertTrue(e.getMessage().contains("lighter than background"), e.getMessage());
        QrOptions inverted = QrOptions.builder().foreground("#ffffff").background("#1a1a40")
                .allowInverted(true).build();
        assertEquals(0xffffff, inverted.foreground());
        BufferedImage image = new PngWriter().toImage(encoder.encode(LINK, inverted));
        assertEquals(0x1a1a40, image.getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void badColoursSizesAndLevelsAreRefused() {
        assertThrows(QrException.class, () -> Colors.parse("green"));
        assertThrows(QrException.class, () -> Colors.parse("#12345"));
        assertEquals(0xaabbcc, Colors.parse("#abc"));
        assertThrows(QrException.class, () -> ErrorCorrection.parse("X"));
        assertEquals(ErrorCorrection.Q, ErrorCorrection.parse("q"));
        assertThrows(QrException.class, () -> QrOptions.builder().size(0));
        QrException small = assertThrows(QrException.class,
                () -> new PngWriter().toBytes(encoder.encode(LINK, QrOptions.builder().size(30).build())));
        assertTrue(small.getMessage().contains("too small"), small.getMessage());
        assertThrows(QrException.class, () -> QrOptions.builder().logo(new byte[] {1, 2, 3, 4, 5}));
        assertThrows(QrException.class, () -> encoder.encode("x".repeat(3000), QrOptions.defaults()));
        assertThrows(QrException.class, () -> encoder.encode("", QrOptions.defaults()));
    }

    @Test
    void logoWithLowErrorCorrectionIsRefused() throws IOException {
        byte[] logo = RoundTripTest.logoPng();
        QrException e = assertThrows(QrException.class,
                () -> QrOptions.builder().errorCorrection(ErrorCorrection.M).logo(logo).build());
        assertTrue(e.getMessage().contains("Q or H"), e.getMessage());
        assertEquals(ErrorCorrection.Q,
                QrOptions.builder().errorCorrection(ErrorCorrection.Q).logo(logo).build().errorCorrection());
        assertEquals(ErrorCorrection.M, QrOptions.builder().logo(logo).build().toBuilder().logo(null).build()
                .errorCorrection());
    }
}
