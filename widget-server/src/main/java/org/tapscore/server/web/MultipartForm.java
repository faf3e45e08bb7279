package org.tapscore.server.web;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body read as a stream: text fields are kept (a few KiB each at most), the one file
 * goes straight to a temporary file with a size cap, so an upload of any size needs a fixed amount of memory.
 * Helidon 4.5's multipart module is not available from the registries this project builds from, and the format a
 * browser sends for a plain form is small enough to read here.
 *
 * <pre>{@code
 * MultipartForm form = MultipartForm.read(req.content().inputStream(), contentType, 64 << 20, ApiException::fileTooLarge);
 * try { use(form.field("csrf"), form.file(), form.fileName()); } finally { form.delete(); }
 * }</pre>
 */
public final class MultipartForm {
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)(?:^|;)\\s*filename=\"([^\"]*)\"");
    private static final int MAX_FIELD_BYTES = 4096;
    private static final int MAX_HEADER_BYTES = 8192;
    private static final int MAX_PARTS = 20;

    private final Map<String, String> fields;
    private final Path file;
    private final String fileName;
    private final long fileBytes;

    private MultipartForm(Map<String, String> fields, Path file, String fileName, long fileBytes) {
        this.fields = fields;
        this.file = file;
        this.fileName = fileName;
        this.fileBytes = fileBytes;
    }

    /**
     * Reads the whole body. The first part with a {@code filename} is the file (others are refused); a file larger
     * than {@code maxFileBytes} gives {@code tooLarge}. Malformed bodies give a 400.
     */
    public static MultipartForm read(InputStream body, String contentType, long maxFileBytes,
                                     java.util.function.LongFunction<ApiException> tooLarge) throws IOException {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !m.find()) {
            throw ApiException.badRequest("not-multipart", "Send the form as multipart/form-data");
        }
        String boundary = m.group(1) != null ? m.group(1) : m.group(2);
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        InputStream in = new BufferedInputStream(body, 64 * 1024);
        Map<String, String> fields = new HashMap<>();
        Path file = null;
        String fileName = null;
        long fileBytes = 0;
        try {
            // The first delimiter has no line break before it: start as if one had just been read.
            if (!skipTo(in, delimiter, OutputStream.nullOutputStream(), 2, Long.MAX_VALUE)) {
                throw malformed();
            }
            for (int parts = 0; afterDelimiter(in); parts++) {
                if (parts == MAX_PARTS) {
                    throw malformed();
                }
                String headers = headers(in);
                Matcher name = NAME.matcher(disposition(headers));
                if (!name.find()) {
                    throw malformed();
                }
                Matcher filename = FILENAME.matcher(disposition(headers));
                if (filename.find()) {
                    if (file != null) {
                        throw ApiException.badRequest("one-file", "Upload one file at a time");
                    }
                    fileName = baseName(filename.group(1));
                    file = Files.createTempFile("tapscore-upload", ".upload");
                    CountingOutput out = new CountingOutput(new BufferedOutputStream(Files.newOutputStream(file)));
                    try (out) {
                        if (!skipTo(in, delimiter, out, 0, maxFileBytes)) {
                            throw out.count > maxFileBytes ? tooLarge.apply(maxFileBytes) : malformed();
                        }
                    }
                    fileBytes = out.count;
                } else {
                    ByteArrayOutputStream value = new ByteArrayOutputStream();
                    if (!skipTo(in, delimiter, value, 0, MAX_FIELD_BYTES)) {
                        throw malformed();
                    }
                    fields.putIfAbsent(name.group(1), value.toString(StandardCharsets.UTF_8));
                }
            }
            return new MultipartForm(fields, file, fileName, fileBytes);
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                Files.deleteIfExists(file);
            }
            throw e;
        }
    }

    public String field(String name) {
        return fields.get(name);
    }

    /** The uploaded file, or null when the form had no file part or it was empty. */
    public Path file() {
        return fileBytes == 0 ? null : file;
    }

    /** The file's name as the browser sent it, without any folder; may be empty. */
    public String fileName() {
        return fileName == null ? "" : fileName;
    }

    /** Removes the temporary file (callers that keep it take it over and delete it themselves). */
    public void delete() {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover temp file is harmless.
        }
    }

    /**
     * Copies bytes to {@code out} until {@code delimiter}, which is consumed and not copied. {@code matched} bytes of
     * the delimiter count as already seen. False at the end of the stream or when more than {@code max} bytes come
     * first. The delimiter starts with CR, which occurs nowhere else in it, so on a mismatch the scan can restart at
     * the current byte without missing an overlapping match.
     */
    private static boolean skipTo(InputStream in, byte[] delimiter, OutputStream out, int matched, long max)
            throws IOException {
        long written = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == (delimiter[matched] & 0xff)) {
                if (++matched == delimiter.length) {
                    return true;
                }
                continue;
            }
            if (matched > 0) {
                out.write(delimiter, 0, matched);
                written += matched;
                matched = 0;
                if (b == (delimiter[0] & 0xff)) {
                    matched = 1;
                    continue;
                }
            }
            out.write(b);
            if (++written > max) {
                return false;
            }
        }
        return false;
    }

    /** After a delimiter: CRLF means another part follows, {@code --} means the end. */
    private static boolean afterDelimiter(InputStream in) throws IOException {
        int a = in.read();
        int b = in.read();
        if (a == '-' && b == '-') {
            return false;
        }
        if (a == '\r' && b == '\n') {
            return true;
        }
        throw malformed();
    }

    private static String headers(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        if (!skipTo(in, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headers, 0, MAX_HEADER_BYTES)) {
            throw malformed();
        }
        return headers.toString(StandardCharsets.UTF_8);
    }

    private static String disposition(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("content-disposition")) {
                return line.substring(colon + 1);
            }
        }
        return "";
    }

    /** Some browsers send the full path ("C:\\Users\\…\\list.csv"); only the name is wanted. */
    private static String baseName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        base = org.tapscore.server.response.TextNormalizer.label(base);
        return base == null ? "" : base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static ApiException malformed() {
        return ApiException.badRequest("bad-multipart", "The upload is malformed or incomplete; send the form again");
    }

    private static final class CountingOutput extends java.io.FilterOutputStream {
        long count;

        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
