package app.tarjim.batch;

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

/** The queue contract on PostgreSQL, where claims use FOR UPDATE SKIP LOCKED; skipped when none is reachable. */
@DataJdbcTest(properties = "tarjim.batch.worker.enabled=false")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(BatchTestConfiguration.class)
class PostgresBatchQueueTest extends BatchQueueContract {

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
        if (reachable) {
            PostgresTestDatabase.dropSchema(SCHEMA);
        }
    }
}
