package app.tarjim.article;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The storage contract on PostgreSQL. Runs only when one is reachable at {@code TARJIM_TEST_PG_URL}
 * (default {@code jdbc:postgresql://localhost:5432/tarjim_test}) as {@code TARJIM_TEST_PG_USER} /
 * {@code TARJIM_TEST_PG_PASSWORD} (default {@code tarjim} / {@code tarjim}); skipped otherwise. Each run
 * migrates a fresh schema of its own and drops it afterwards, so the database's other contents are safe.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(StorageTestConfiguration.class)
class PostgresArticleStorageTest extends ArticleStorageRoundTrip {

    private static final String URL = env("TARJIM_TEST_PG_URL", "jdbc:postgresql://localhost:5432/tarjim_test");
    private static final String USER = env("TARJIM_TEST_PG_USER", "tarjim");
    private static final String PASSWORD = env("TARJIM_TEST_PG_PASSWORD", "tarjim");
    private static final String SCHEMA = "tarjim_test_" + UUID.randomUUID().toString().replace("-", "");
    private static boolean reachable;

    @BeforeAll
    static void requirePostgres() {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            reachable = true;
        } catch (SQLException unreachable) {
            assumeTrue(false, "No PostgreSQL at " + URL + " (" + unreachable.getMessage() + ")");
        }
    }

    @DynamicPropertySource
    static void usePostgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (!reachable) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }
}
