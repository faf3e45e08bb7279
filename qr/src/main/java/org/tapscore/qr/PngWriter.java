package org.tapscore.qr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes a {@link QrCode} as a PNG of exactly {@code options.size()} pixels square. Every module is the same whole
 * number of pixels (sharp edges at any print size); the pixels left over when the size is not a multiple of the
 * module count widen the quiet zone. Without a logo the image is a 1-bit palette PNG in the two chosen colours.
 * Uses {@code javax.imageio} only. Thread-safe and stateless.
 *
 * <pre>{@code
 * QrOptions options = QrOptions.builder().size(600).build();
 * byte[] png = new PngWriter().toBytes(new QrEncoder().encode("https://example.com", options));
 * }</pre>
 */
public final class PngWriter {
    /** Content type of {@link #toBytes(QrCode)}. */
    public static final String CONTENT_TYPE = "image/png";

    /** The PNG file as bytes. */
    public byte[] toBytes(QrCode code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        write(code, out);
        return out.toByteArray();
    }

    /** Writes the PNG file to {@code out} (not closed). */
    public void write(QrCode code, OutputStream out) {
        BufferedImage image = toImage(code);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        // A memory-cached stream avoids ImageIO's temporary files without changing its global cache setting.
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write PNG", e);
        } finally {
            writer.dispose();
        }
    }

    /** The code as an image, for callers that compose it into something larger. */
    public BufferedImage toImage(QrCode code) {
        QrOptions options = code.options();
        int pixels = options.size();
        int total = code.sizeWithQuietZone();
        int scale = pixels / total;
        if (scale < 1) {
            throw new QrException("size " + pixels + " px is too small for this code: it has " + total
                    + " modules including the quiet zone, so it needs at least " + total + " px");
        }
        int offset = (pixels - code.size() * scale) / 2;
        BufferedImage image = binaryImage(code, pixels, scale, offset);
        return options.hasLogo() ? withLogo(image, code, scale, offset) : image;
    }

    private static BufferedImage binaryImage(QrCode code, int pixels, int scale, int offset) {
        QrOptions options = code.options();
        int bg = options.background();
        int fg = options.foreground();
        IndexColorModel palette = new IndexColorModel(1, 2,
                new byte[] {(byte) (bg >> 16), (byte) (fg >> 16)},
                new byte[] {(byte) (bg >> 8), (byte) (fg >> 8)},
                new byte[] {(byte) bg, (byte) fg});
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY, palette);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = (pixels + 7) / 8;
        int size = code.size();
        byte[] line = new byte[stride];
        for (int y = 0; y < size; y++) {
            java.util.Arrays.fill(line, (byte) 0);
            for (int x = 0; x < size; x++) {
                if (code.isPainted(x, y)) {
                    int from = offset + x * scale;
                    for (int px = from; px < from + scale; px++) {
                        line[px >> 3] |= (byte) (0x80 >>> (px & 7));
                    }
                }
            }
            int top = offset + y * scale;
            for (int row = top; row < top + scale; row++) {
                System.arraycopy(line, 0, data, row * stride, stride);
            }
        }
        return image;
    }

    private static BufferedImage withLogo(BufferedImage binary, QrCode code, int scale, int offset) {
        BufferedImage logo;
        try {
            logo = ImageIO.read(new ByteArrayInputStream(code.options().logoBytes()));
        } catch (IOException e) {
            throw new QrException("the logo image cannot be read: " + e.getMessage(), e);
        }
        if (logo == null) {
            throw new QrException("the logo image cannot be read: not a supported PNG or JPEG");
        }
        int pixels = binary.getWidth();
        BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.drawImage(binary, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // Half a module of margin inside the cleared square, aspect ratio kept.
            double box = (code.logoSide() - 1.0) * scale;
            double ratio = Math.min(box / logo.getWidth(), box / logo.getHeight());
            int w = (int) Math.round(logo.getWidth() * ratio);
            int h = (int) Math.round(logo.getHeight() * ratio);
            int centre = offset + (int) Math.round((code.logoStart() + code.logoSide() / 2.0) * scale);
            g.drawImage(logo, centre - w / 2, centre - h / 2, w, h, null);
        } finally {
            g.dispose();
        }
        return image;
    }
}
