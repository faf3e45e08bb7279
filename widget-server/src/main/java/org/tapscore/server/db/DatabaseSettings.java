package org.tapscore.server.db;

import java.nio.file.Path;

/**
 * Where the data lives. The default is an H2 file in the data folder (zero set-up); production points
 * {@code TAPSCORE_DB_URL} at PostgreSQL.
 *
 * @param schema a schema to use and create, or null for the connection's default (tests use one per run)
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, String schema,
                               long connectTimeoutMillis) {

    /**
     * The embedded default. {@code WRITE_DELAY=0}: H2 otherwise writes committed transactions to its file up to
     * half a second later, and a server killed in that window loses answers it has already acknowledged.
     * {@code LOCK_TIMEOUT=10000}: a writer waits up to 10 s for a row another transaction holds, as PostgreSQL
     * waits rather than fails (H2's own default is far shorter; stopping a large wave holds its row for seconds).
     */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("tapscore")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }
}
