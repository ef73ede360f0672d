package app.tarjim.batch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/**
 * The PostgreSQL that batch tests run against when one is reachable at {@code TARJIM_TEST_PG_URL} (default
 * {@code jdbc:postgresql://localhost:5432/tarjim_test}) as {@code TARJIM_TEST_PG_USER} /
 * {@code TARJIM_TEST_PG_PASSWORD} (default {@code tarjim} / {@code tarjim}). Each user gets a fresh schema
 * of its own, dropped afterwards, so the database's other contents are safe.
 */
final class PostgresTestDatabase {

    static final String URL = env("TARJIM_TEST_PG_URL", "jdbc:postgresql://localhost:5432/tarjim_test");
    static final String USER = env("TARJIM_TEST_PG_USER", "tarjim");
    static final String PASSWORD = env("TARJIM_TEST_PG_PASSWORD", "tarjim");

    private PostgresTestDatabase() {
    }

    static String newSchemaName() {
        return "tarjim_batch_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Null when reachable, else why not. */
    static String unreachableReason() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return null;
        } catch (SQLException unreachable) {
            return "No PostgreSQL at " + URL + " (" + unreachable.getMessage() + ")";
        }
    }

    /** The JDBC URL that makes a schema the default, so Flyway and the app both work in it. */
    static String urlFor(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }
}
