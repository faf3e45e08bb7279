package org.tapscore.qr.poster;

import java.util.Optional;

import org.tapscore.qr.Colors;
import org.tapscore.qr.QrException;
import org.tapscore.qr.QrOptions;

/**
 * What a printed poster says and shows. All texts come from the caller in the campaign's language; the poster
 * adds none of its own. Immutable.
 *
 * <pre>{@code
 * Poster poster = Poster.builder()
 *         .url(CampaignLink.of(baseUrl, "after-order", "store-7").qrUrl())
 *         .question("Hvor sandsynligt er det, at du vil anbefale os til en ven?")
 *         .scanHint("Scan med dit telefonkamera")
 *         .locationLabel("Kafé Ærø, Strøget")
 *         .language("da")
 *         .brandColor("#0a7d5a")
 *         .build();
 * }</pre>
 */
public final class Poster {
    private final String url;
    private final String question;
    private final String scanHint;
    private final String locationLabel;
    private final String language;
    private final int brandColor;
    private final byte[] logo;
    private final QrOptions qrOptions;

    private Poster(Builder b) {
        this.url = b.url;
        this.question = b.question;
        this.scanHint = b.scanHint;
        this.locationLabel = b.locationLabel;
        this.language = b.language;
        this.brandColor = b.brandColor;
        this.logo = b.logo;
        this.qrOptions = b.qrOptions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The text the code encodes, usually {@code CampaignLink.qrUrl()}. */
    public String url() {
        return url;
    }

    public String question() {
        return question;
    }

    /** The line under the code, e.g. "Scan with your phone camera". */
    public String scanHint() {
        return scanHint;
    }

    public Optional<String> locationLabel() {
        return Optional.ofNullable(locationLabel);
    }

    /** BCP 47 language tag written into the PDF for screen readers and text extraction, if known. */
    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /** Colour of the brand band as {@code 0xRRGGBB}. */
    public int brandColor() {
        return brandColor;
    }

    /** Logo shown in the brand band (PNG or JPEG bytes), if any. */
    public Optional<byte[]> logo() {
        return logo == null ? Optional.empty() : Optional.of(logo.clone());
    }

    byte[] logoBytes() {
        return logo;
    }

    /** Colours, error correction and quiet zone of the code (the pixel size is ignored: the code is vector). */
    public QrOptions qrOptions() {
        return qrOptions;
    }

    /** Builder for {@link Poster}; {@code url}, {@code question} and {@code scanHint} are required. */
    public static final class Builder {
        private String url;
        private String question;
        private String scanHint;
        private String locationLabel;
        private String language;
        private int brandColor = 0x0a7d5a;
        private byte[] logo;
        private QrOptions qrOptions = QrOptions.defaults();

        private Builder() {
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder question(String question) {
            this.question = question;
            return this;
        }

        public Builder scanHint(String scanHint) {
            this.scanHint = scanHint;
            return this;
        }

        /** A label such as the store's name; {@code null} or blank for none. */
        public Builder locationLabel(String label) {
            this.locationLabel = label == null || label.isBlank() ? null : label.strip();
            return this;
        }

        public Builder language(String languageTag) {
            this.language = languageTag == null || languageTag.isBlank() ? null : languageTag;
            return this;
        }

        public Builder brandColor(int rgb) {
            this.brandColor = rgb & 0xFFFFFF;
            return this;
        }

        public Builder brandColor(String hex) {
            return brandColor(Colors.parse(hex));
        }

        /** PNG or JPEG bytes for the brand band; {@code null} for none. */
        public Builder logo(byte[] pngOrJpeg) {
            if (pngOrJpeg != null) {
                // Reuse the options' format check so both logos accept the same files.
                QrOptions.builder().logo(pngOrJpeg);
            }
            this.logo = pngOrJpeg == null ? null : pngOrJpeg.clone();
            return this;
        }

        public Builder qrOptions(QrOptions options) {
            this.qrOptions = options == null ? QrOptions.defaults() : options;
            return this;
        }

        public Poster build() {
            require(url, "url (the link the code opens)");
            require(question, "question");
            require(scanHint, "scan hint (e.g. \"Scan with your phone camera\")");
            return new Poster(this);
        }

        private static void require(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new QrException("poster " + what + " is missing");
            }
        }
    }
}
