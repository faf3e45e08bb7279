package org.tapscore.qr.poster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tapscore.qr.ExternalTools;
import org.tapscore.qr.QrException;
import org.tapscore.qr.QrOptions;
import org.tapscore.qr.RoundTripTestSupport;
import org.tapscore.qr.link.CampaignLink;

class PosterRendererTest {
    static final String QUESTION = "Hvor sandsynligt er det, at du vil anbefale Kafé Ærø på Strøget til en ven?";
    static final String LINK = CampaignLink.of("https://nps.example.com", "after-order", "store-7").qrUrl();

    @TempDir
    Path dir;

    private final PosterRenderer renderer = new PosterRenderer();

    static Poster.Builder poster() {
        return Poster.builder()
                .url(LINK)
                .question(QUESTION)
                .scanHint("Scan med dit telefonkamera — 0 € · Сканируйте камерой")
                .locationLabel("Kafé Ærø, Москва")
                .language("da");
    }

    @ParameterizedTest
    @EnumSource(PosterFormat.class)
    void everyFormatScansAndCarriesTheQuestion(PosterFormat format) throws Exception {
        Path pdf = dir.resolve(format.label() + ".pdf");
        Files.write(pdf, renderer.render(poster().logo(RoundTripTestSupport.logoPng()).build(), format));

        List<Path> pages = ExternalTools.pdfToPngs(pdf, 100);
        assertEquals(1, pages.size());
        List<String> decoded = ExternalTools.decode(pages.get(0));
        // The tent has two faces, each with its own code.
        assertEquals(format == PosterFormat.A6_TENT ? List.of(LINK, LINK) : List.of(LINK), decoded);

        String text = ExternalTools.pdfToText(pdf).replaceAll("\\s+", " ");
        assertTrue(text.contains(QUESTION), text);
        assertTrue(text.contains("Сканируйте камерой"), text);
        assertTrue(text.contains("0 €"), text);
        assertTrue(text.contains("Kafé Ærø, Москва"), text);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDPage page = document.getPage(0);
            assertEquals(format.width(), page.getMediaBox().getWidth(), 0.01);
            assertEquals(format.height(), page.getMediaBox().getHeight(), 0.01);
            assertEquals("da", document.getDocumentCatalog().getLanguage());
            // The brand logo is the only image: the code itself is vector rectangles.
            int images = 0;
            for (var name : page.getResources().getXObjectNames()) {
                images++;
            }
            assertEquals(1, images);
        }
    }

    @Test
    void codeWithoutLogoIsPureVectorAndCustomColoursScan() throws Exception {
        QrOptions colours = QrOptions.builder().foreground("#0a3d62").background("#fdf6e3").build();
        Path pdf = dir.resolve("plain.pdf");
        Files.write(pdf, renderer.render(poster().locationLabel(null).qrOptions(colours).build(), PosterFormat.A5));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertFalse(document.getPage(0).getResources().getXObjectNames().iterator().hasNext());
        }
        assertEquals(List.of(LINK), ExternalTools.decode(ExternalTools.pdfToPngs(pdf, 100).get(0)));
    }

    @Test
    void centreLogoOnThePosterCodeStillScans() throws Exception {
        QrOptions withLogo = QrOptions.builder().logo(RoundTripTestSupport.logoPng()).build();
        Path pdf = dir.resolve("logo.pdf");
        Files.write(pdf, renderer.render(poster().qrOptions(withLogo).build(), PosterFormat.A4));
        assertEquals(List.of(LINK), ExternalTools.decode(ExternalTools.pdfToPngs(pdf, 100).get(0)));
    }

    @Test
    void standardFontFallbackReplacesWhatItCannotPrint() {
        PosterFonts fallback = PosterFonts.standard14();
        assertEquals("Kafé Ærø € ??????", PosterFonts.printable(fallback.regular, "Kafé Ærø € Москва"));
    }

    @Test
    void missingTextsAndUnknownFormatsAreRefused() {
        QrException e = assertThrows(QrException.class, () -> poster().question(" ").build());
        assertTrue(e.getMessage().contains("question"), e.getMessage());
        assertEquals(PosterFormat.A6_TENT, PosterFormat.parse("a6-tent"));
        assertThrows(QrException.class, () -> PosterFormat.parse("Letter"));
    }
}
