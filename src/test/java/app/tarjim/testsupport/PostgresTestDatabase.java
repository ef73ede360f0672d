package app.tarjim.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

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
public final class PostgresTestDatabase {

    public static final String URL = env("TARJIM_TEST_PG_URL", "jdbc:postgresql://localhost:5432/tarjim_test");
    public static final String USER = env("TARJIM_TEST_PG_USER", "tarjim");
    public static final String PASSWORD = env("TARJIM_TEST_PG_PASSWORD", "tarjim");

    private PostgresTestDatabase() {
    }

    public static String newSchemaName() {
        return "tarjim_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Null when reachable, else why not. */
    public static String unreachableReason() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return null;
        } catch (SQLException unreachable) {
            return "No PostgreSQL at " + URL + " (" + unreachable.getMessage() + ")";
        }
    }

    /** The JDBC URL that makes a schema the default, so Flyway and the app both work in it. */
    public static String urlFor(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }

    /** Points a Spring test context, and Flyway, at the schema. */
    public static void register(DynamicPropertyRegistry registry, String schema) {
        registry.add("spring.datasource.url", () -> urlFor(schema));
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
    }
}
