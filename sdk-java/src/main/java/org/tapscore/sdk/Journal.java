package org.tapscore.sdk;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of records, each forced to disk before {@link #append(byte[])} returns.
 *
 * <p>One record is the line {@code <length> <crc32c as 8 hex digits> <payload>\n}. A crash during a write leaves
 * at most one torn record at the end: its length, checksum or final newline does not match, so
 * {@link #open(Path)} ignores it and cuts the file back to the last whole record, where the next append starts. A
 * damaged record in the middle (a flipped bit) is skipped and the records after it are kept.
 */
final class Journal implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final List<byte[]> records;
    private final int damaged;
    private long size;

    private Journal(Path file, FileChannel channel, List<byte[]> records, int damaged, long size) {
        this.file = file;
        this.channel = channel;
        this.records = records;
        this.damaged = damaged;
        this.size = size;
    }

    /** Opens (or creates) the journal, reads its whole records and cuts off a torn tail. */
    static Journal open(Path file) throws IOException {
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<byte[]> records = new ArrayList<>();
            int damaged = 0;
            int pos = 0;
            int validEnd = 0;
            while (pos < bytes.length) {
                int end = recordEnd(bytes, pos);
                if (end > 0) {
                    records.add(Arrays.copyOfRange(bytes, payloadStart(bytes, pos), end - 1));
                    pos = end;
                    validEnd = end;
                } else {
                    damaged++;
                    int newline = indexOf(bytes, (byte) '\n', pos);
                    pos = newline < 0 ? bytes.length : newline + 1;
                }
            }
            if (validEnd < bytes.length) {
                // Nothing whole follows the last whole record: it is a torn write (or damage). Cut it off so that
                // the next record does not get glued onto half a line.
                channel.truncate(validEnd);
                channel.force(true);
            }
            long size = channel.size();
            channel.position(size);
            if (created) {
                forceDirectory(file.getParent());
            }
            return new Journal(file, channel, records, damaged, size);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The payloads of the whole records found when the journal was opened, oldest first. */
    List<byte[]> records() {
        return records;
    }

    /** How many damaged or torn records {@link #open(Path)} skipped. */
    int damaged() {
        return damaged;
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    /** Appends one record and forces it (and the file's new length) to disk before returning. */
    void append(byte[] payload) throws IOException {
        byte[] record = frame(payload);
        ByteBuffer buffer = ByteBuffer.wrap(record);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            // Take back a partly written record (disk full), so that the next one starts on a clean line.
            try {
                channel.truncate(size);
                channel.position(size);
            } catch (IOException ignored) {
                // the torn record is cut off at the next open anyway
            }
            throw e;
        }
        size += record.length;
    }

    /** Empties the journal, durably. */
    void clear() throws IOException {
        channel.truncate(0);
        channel.position(0);
        channel.force(true);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    static byte[] frame(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        byte[] header = String.format("%d %08x ", payload.length, crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        byte[] record = new byte[header.length + payload.length + 1];
        System.arraycopy(header, 0, record, 0, header.length);
        System.arraycopy(payload, 0, record, header.length, payload.length);
        record[record.length - 1] = '\n';
        return record;
    }

    /** The end (exclusive, after the newline) of a whole, intact record at {@code pos}, or -1. */
    private static int recordEnd(byte[] bytes, int pos) {
        int space1 = indexOf(bytes, (byte) ' ', pos);
        if (space1 <= pos || space1 - pos > 10) {
            return -1;
        }
        long length;
        try {
            length = Long.parseLong(new String(bytes, pos, space1 - pos, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            return -1;
        }
        int crcStart = space1 + 1;
        int payloadStart = crcStart + 9;
        if (length < 0 || payloadStart > bytes.length || bytes[payloadStart - 1] != ' '
                || payloadStart + length + 1 > bytes.length) {
            return -1;
        }
        int end = (int) (payloadStart + length + 1);
        if (bytes[end - 1] != '\n') {
            return -1;
        }
        long expected;
        try {
            expected = Long.parseLong(new String(bytes, crcStart, 8, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, payloadStart, (int) length);
        return crc.getValue() == expected ? end : -1;
    }

    private static int payloadStart(byte[] bytes, int pos) {
        return indexOf(bytes, (byte) ' ', pos) + 1 + 9;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Makes a new file's directory entry durable too; not every platform can open a directory, which is fine. */
    static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open directories; its file system journals directory entries itself.
        }
    }
}
