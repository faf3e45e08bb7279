package org.tapscore.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The local PostgreSQL (127.0.0.1:5432, postgres/postgres): a database {@code tapscore_bench} made on first use and
 * one fresh schema per server, dropped afterwards.
 *
 * <pre>{@code
 * try (Postgres.Schema schema = Postgres.freshSchema()) {
 *     ServerProcess.postgres(dir, schema, List.of()).start();
 * }
 * }</pre>
 */
public final class Postgres {
    public static final String HOST = System.getProperty("tapscore.pg.host", "127.0.0.1:5432");
    public static final String DATABASE = "tapscore_bench";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private Postgres() {
    }

    public static boolean reachable() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, PASSWORD)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates {@code tapscore_bench} if needed and an empty schema in it with a unique name. */
    public static Schema freshSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, PASSWORD);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + DATABASE);
                }
            }
        }
        String name = String.format(Locale.ROOT, "bench_%d_%04d", System.currentTimeMillis() / 1000,
                ThreadLocalRandom.current().nextInt(10_000));
        Schema schema = new Schema(name);
        try (Connection c = schema.connect(); Statement st = c.createStatement()) {
            st.execute("create schema " + name);
        }
        return schema;
    }

    /** A schema in {@code tapscore_bench}; closing it drops it with everything in it. */
    public record Schema(String name) implements AutoCloseable {
        public String url() {
            return "jdbc:postgresql://" + HOST + "/" + DATABASE;
        }

        /** A connection whose search path is this schema. */
        public Connection connect() throws SQLException {
            Connection c = DriverManager.getConnection(url(), USER, PASSWORD);
            c.setSchema(name);
            return c;
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(url(), USER, PASSWORD); Statement st = c.createStatement()) {
                st.execute("drop schema if exists " + name + " cascade");
            } catch (SQLException e) {
                System.err.println("could not drop schema " + name + ": " + e.getMessage());
            }
        }
    }
}
