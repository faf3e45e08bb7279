package org.tapscore.server.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.tapscore.server.db.DatabaseSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The databases tests run against: a fresh in-memory H2 (PostgreSQL mode) or a fresh schema in a real
 * PostgreSQL. With {@code CI=true} an unreachable PostgreSQL fails the test instead of skipping it.
 */
public final class TestDatabases {
    public static final String PG_URL = env("TAPSCORE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/tapscore_test");
    public static final String PG_USER = env("TAPSCORE_TEST_PG_USER", "postgres");
    public static final String PG_PASSWORD = env("TAPSCORE_TEST_PG_PASSWORD", "postgres");

    private TestDatabases() {
    }

    public enum Kind { H2, POSTGRES }

    public static DatabaseSettings create(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    public static DatabaseSettings h2() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        return new DatabaseSettings("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "sa", "", 10, null, 5_000);
    }

    /** A new, empty schema in the test PostgreSQL database. */
    public static DatabaseSettings postgres() {
        requirePostgres();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return new DatabaseSettings(PG_URL, PG_USER, PG_PASSWORD, 10, schema, 5_000);
    }

    public static void requirePostgres() {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("select 1");
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + PG_URL + " (" + e.getMessage()
                    + "); start it or set TAPSCORE_TEST_PG_URL/_USER/_PASSWORD";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
    }

    /** Drops a schema made by {@link #postgres()}; H2 memory databases vanish with their last connection. */
    public static void drop(DatabaseSettings settings) {
        if (settings.schema() == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + settings.schema() + " cascade");
        } catch (SQLException e) {
            // Leftover schemas are harmless: each run makes its own.
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
