package app.tarjim.article;

import app.tarjim.testsupport.PostgresTestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.SQLException;

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

    private static final String SCHEMA = PostgresTestDatabase.newSchemaName();
    private static boolean reachable;

    @BeforeAll
    static void requirePostgres() {
        String unreachable = PostgresTestDatabase.unreachableReason();
        assumeTrue(unreachable == null, unreachable);
        reachable = true;
    }

    @DynamicPropertySource
    static void usePostgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (!reachable) {
            return;
        }
        PostgresTestDatabase.dropSchema(SCHEMA);
    }
}
