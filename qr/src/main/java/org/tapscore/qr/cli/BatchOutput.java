package org.tapscore.qr.cli;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Where a batch puts its files: a folder (created if needed) or a ZIP archive. */
abstract class BatchOutput implements Closeable {
    abstract void write(String name, byte[] content) throws IOException;

    abstract String describe();

    static BatchOutput open(Path target) throws IOException {
        if (target.getFileName() != null
                && target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return new Zip(target);
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new Arguments.UsageException("--out " + target + " is a file: give a folder or a .zip file");
        }
        Files.createDirectories(target);
        return new Folder(target);
    }

    private static final class Folder extends BatchOutput {
        private final Path dir;

        Folder(Path dir) {
            this.dir = dir;
        }

        @Override
        void write(String name, byte[] content) throws IOException {
            Files.write(dir.resolve(name), content);
        }

        @Override
        String describe() {
            return "folder " + dir;
        }

        @Override
        public void close() {
        }
    }

    private static final class Zip extends BatchOutput {
        private final Path file;
        private final ZipOutputStream zip;

        Zip(Path file) throws IOException {
            this.file = file;
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
        }

        @Override
        void write(String name, byte[] content) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }

        @Override
        String describe() {
            return "ZIP " + file;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
