package org.tapscore.qr.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {
    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<CsvReader.Row> rows = CsvReader.parse(
                "location id,name\r\nstore-1,\"Kafé Ærø, Strøget\"\r\n\"store-2\",\"The \"\"Big\"\" one\nfloor 2\"\r\n"
                        + "\n"
                        + "store-3,\n"
                        + "store-4");
        assertEquals(5, rows.size());
        assertEquals(List.of("location id", "name"), rows.get(0).fields());
        assertEquals(List.of("store-1", "Kafé Ærø, Strøget"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("store-2", "The \"Big\" one\nfloor 2"), rows.get(2).fields());
        assertEquals(3, rows.get(2).line());
        // Line 5 is blank and skipped; line numbers keep counting.
        assertEquals(6, rows.get(3).line());
        assertEquals(List.of("store-3", ""), rows.get(3).fields());
        assertEquals(List.of("store-4"), rows.get(4).fields());
        assertEquals(7, rows.get(4).line());
    }

    @Test
    void dropsTheByteOrderMark() {
        byte[] text = "store-1,Москва\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        assertEquals(List.of("store-1", "Москва"), CsvReader.parse(withBom).get(0).fields());
    }

    @Test
    void reportsMalformedRowsAndCarriesOn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("a,ok\nb,bro\"ken\nc,\"closed\"x\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'d', ',', 'K', 'a', 'f', (byte) 0xE9, '\n'}); // Latin-1 é
        bytes.writeBytes("e,fine\nf,\"never closed\ng,lost".getBytes(StandardCharsets.UTF_8));
        List<CsvReader.Row> rows = CsvReader.parse(bytes.toByteArray());
        assertEquals(6, rows.size());
        assertNull(rows.get(0).error());
        assertEquals(2, rows.get(1).line());
        assertTrue(rows.get(1).error().contains("quote inside an unquoted field"), rows.get(1).error());
        assertEquals(3, rows.get(2).line());
        assertTrue(rows.get(2).error().contains("after a closing quote"), rows.get(2).error());
        assertEquals(4, rows.get(3).line());
        assertTrue(rows.get(3).error().contains("not valid UTF-8"), rows.get(3).error());
        assertEquals(List.of("e", "fine"), rows.get(4).fields());
        assertEquals(6, rows.get(5).line());
        assertTrue(rows.get(5).error().contains("line 6 is never closed"), rows.get(5).error());
    }
}
