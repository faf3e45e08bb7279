package org.tapscore.server.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The streaming form reader against bodies as browsers send them, and against ones that try to confuse it. */
class MultipartFormTest {
    private static final String TYPE = "multipart/form-data; boundary=----WebKitFormBoundaryX3f";

    private static byte[] body(byte[] file) {
        String head = "------WebKitFormBoundaryX3f\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok=en\r\n"
                + "------WebKitFormBoundaryX3f\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"C:\\\\Users\\\\Søren\\\\kunder.csv\"\r\nContent-Type: text/csv\r\n\r\n";
        byte[] a = head.getBytes(StandardCharsets.UTF_8);
        byte[] b = "\r\n------WebKitFormBoundaryX3f--\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + file.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(file, 0, all, a.length, file.length);
        System.arraycopy(b, 0, all, a.length + file.length, b.length);
        return all;
    }

    private static MultipartForm read(byte[] body, long max) throws IOException {
        return MultipartForm.read(new ByteArrayInputStream(body), TYPE, max, ApiException::fileTooLarge);
    }

    @Test
    void fieldsAndTheFileComeBackByteForByteEvenWhenTheFileAlmostContainsTheBoundary() throws IOException {
        byte[] file = ("id;name\r\n1;Ærø\r\n\r\n--\r\n------WebKitFormBoundaryX3\r\r\n------WebKitFormBoundaryX"
                + "\r\n2;\"a\rb\"").getBytes(StandardCharsets.UTF_8);
        MultipartForm form = read(body(file), 1024);
        try {
            assertEquals("tok=en", form.field("csrf"));
            assertEquals("kunder.csv", form.fileName());
            assertArrayEquals(file, Files.readAllBytes(form.file()));
        } finally {
            form.delete();
        }
        assertFalse(Files.exists(form.file()));
    }

    @Test
    void aFileOverTheLimitIsRefusedAndLeavesNoTemporaryFile() throws IOException {
        long before;
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            before = files.filter(p -> p.getFileName().toString().startsWith("tapscore-upload")).count();
        }
        ApiException e = assertThrows(ApiException.class, () -> read(body(new byte[2048]), 1024));
        assertEquals(413, e.status());
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(before, files.filter(p -> p.getFileName().toString().startsWith("tapscore-upload")).count());
        }
    }

    @Test
    void truncatedOrForeignBodiesAreA400() {
        byte[] whole = body("a,b\n".getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 20);
        assertEquals(400, assertThrows(ApiException.class, () -> read(cut, 1024)).status());
        assertEquals(400, assertThrows(ApiException.class, () -> MultipartForm.read(
                new ByteArrayInputStream(whole), "text/csv", 1024, ApiException::fileTooLarge)).status());
    }
}
