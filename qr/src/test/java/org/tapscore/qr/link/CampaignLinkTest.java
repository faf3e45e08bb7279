package org.tapscore.qr.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tapscore.qr.ExternalTools;
import org.tapscore.qr.PngWriter;
import org.tapscore.qr.QrEncoder;
import org.tapscore.qr.QrException;
import org.tapscore.qr.QrOptions;

class CampaignLinkTest {
    @TempDir
    Path dir;

    @Test
    void buildsTheSurveyLinkWithAPercentEncodedLocation() {
        CampaignLink link = CampaignLink.of("https://nps.example.com/", "after-order", "Kafé Ærø & Co #2 50%");
        String url = link.surveyUrl();
        assertEquals("https://nps.example.com/s/after-order?ch=qr&loc="
                + "Kaf%C3%A9%20%C3%86r%C3%B8%20%26%20Co%20%232%2050%25", url);
        // A standard URI parser sees exactly two parameters and gets the location back.
        String query = URI.create(url).getRawQuery();
        assertEquals(List.of("ch=qr", "loc=Kaf%C3%A9%20%C3%86r%C3%B8%20%26%20Co%20%232%2050%25"),
                List.of(query.split("&")));
        assertEquals("Kafé Ærø & Co #2 50%",
                URLDecoder.decode(query.split("&")[1].substring(4), StandardCharsets.UTF_8));
        // Percent-encoding made it 102 bytes: too dense, so the code carries the short link.
        assertTrue(link.isShortened());
        assertEquals(link.shortUrl(), link.qrUrl());

        CampaignLink plain = CampaignLink.of("https://nps.example.com", "after-order", "store-7");
        assertFalse(plain.isShortened());
        assertEquals("https://nps.example.com/s/after-order?ch=qr&loc=store-7", plain.qrUrl());
    }

    @Test
    void leavesOutAMissingLocation() {
        assertEquals("http://localhost:8080/s/kiosk-1?ch=qr",
                CampaignLink.of("http://localhost:8080", "kiosk-1", null).surveyUrl());
        assertEquals("http://localhost:8080/s/kiosk-1?ch=qr",
                CampaignLink.of("http://localhost:8080", "kiosk-1", "  ").surveyUrl());
    }

    @Test
    void shortCodeFollowsTheDocumentedDerivation() {
        // Values computed independently (Python hashlib) from the Javadoc's recipe.
        assertEquals("qnjKmGJA", ShortCode.derive("after-order", "store-7"));
        assertEquals("CGh1XTdx", ShortCode.derive("after-order", null));
        assertEquals("O2TNDT0u", ShortCode.derive("after-order", "Kafé Ærø #2"));
        assertTrue(ShortCode.isWellFormed("qnjKmGJA"));
        assertFalse(ShortCode.isWellFormed("qnjKmGJ-"));
        assertFalse(ShortCode.isWellFormed("qnjKmGJ"));
        assertEquals("https://nps.example.com/q/qnjKmGJA",
                CampaignLink.of("https://nps.example.com", "after-order", "store-7").shortUrl());
    }

    @Test
    void aThreeHundredCharacterLinkGoesThroughTheShortPathAndScans() throws Exception {
        String location = "Flagship store, Strøget 12, København K — ground floor by the café & the "
                + "customer-service desk (opening hours 10-20) #east-wing ".repeat(2);
        CampaignLink link = CampaignLink.of("https://surveys.example.com", "after-order", location);
        assertTrue(link.surveyUrl().length() >= 300, link.surveyUrl().length() + " chars");
        assertTrue(link.isShortened());
        assertEquals("https://surveys.example.com/q/" + ShortCode.derive("after-order", location), link.qrUrl());

        QrEncoder encoder = new QrEncoder();
        assertTrue(encoder.version(link.qrUrl(), org.tapscore.qr.ErrorCorrection.M) <= 3);
        Path png = dir.resolve("short.png");
        Files.write(png, new PngWriter().toBytes(encoder.encode(link.qrUrl(), QrOptions.defaults())));
        assertEquals(List.of(link.qrUrl()), ExternalTools.decode(png));
    }

    @Test
    void densityDecisionFollowsByteLengthAndVersion() {
        String base = "https://a.example/s/c?ch=qr&loc=";
        assertFalse(CampaignLink.isDense(base + "x".repeat(80 - base.length())));
        assertTrue(CampaignLink.isDense(base + "x".repeat(81 - base.length())));
        // 26 two-byte letters = 52 bytes of location: over the byte limit although only 58 characters long.
        assertTrue(CampaignLink.isDense(base + "ø".repeat(26)));
    }

    @Test
    void everyUrlUnderTheByteLimitFitsTheVersionLimit() {
        QrEncoder encoder = new QrEncoder();
        // Worst cases for 80 bytes: all bytes in byte mode, with the ECI header that UTF-8 text gets.
        for (String url : List.of("h".repeat(80), "https://" + "ø".repeat(36), "https://€" + "x".repeat(69))) {
            assertEquals(80, url.getBytes(StandardCharsets.UTF_8).length);
            assertFalse(CampaignLink.isDense(url));
            assertTrue(encoder.version(url, org.tapscore.qr.ErrorCorrection.M) <= CampaignLink.MAX_DIRECT_VERSION,
                    url);
        }
    }

    @Test
    void refusesMalformedInput() {
        QrException e = assertThrows(QrException.class,
                () -> CampaignLink.of("https://nps.example.com", "After Order", "x"));
        assertTrue(e.getMessage().contains("campaign id"), e.getMessage());
        assertThrows(QrException.class, () -> CampaignLink.of("nps.example.com", "a", "x"));
        assertThrows(QrException.class, () -> CampaignLink.of("https://nps.example.com?x=1", "a", "x"));
    }
}
