package org.tapscore.server.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The first admin key. An operator may set {@code TAPSCORE_ADMIN_KEY}; otherwise a new installation generates
 * one, keeps it in the data folder (readable by the owner only) and prints it once.
 */
public final class AdminKeyBootstrap {
    private AdminKeyBootstrap() {
    }

    /** Returns the key to print when one was generated now; empty when nothing new was made. */
    public static Optional<String> ensure(ApiKeys keys, Optional<String> configuredKey, Path dataDir) {
        if (configuredKey.isPresent()) {
            if (!configuredKey.get().matches("[\\x21-\\x7E]{16,200}")) {
                // Clients send keys in an HTTP header: only visible ASCII survives that unchanged.
                throw new IllegalArgumentException("TAPSCORE_ADMIN_KEY must be 16 to 200 visible ASCII characters "
                        + "(letters, digits, punctuation; no spaces)");
            }
            keys.store("admin (configured)", configuredKey.get());
            return Optional.empty();
        }
        if (!keys.isEmpty()) {
            return Optional.empty();
        }
        String key = keys.create("admin");
        save(dataDir.resolve("admin-key.txt"), key);
        return Optional.of(key);
    }

    private static void save(Path file, String key) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, key + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system (Windows): the folder's own permissions apply.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the admin key to " + file, e);
        }
    }
}
