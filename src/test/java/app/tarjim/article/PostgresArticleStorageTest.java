package app.tarjim.article;

import app.tarjim.testsupport.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @DynamicPropertySource
    static void usePostgres(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }
}
