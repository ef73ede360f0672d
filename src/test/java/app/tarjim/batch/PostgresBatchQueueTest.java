package app.tarjim.batch;

import app.tarjim.testsupport.PostgresSchema;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The queue contract on PostgreSQL, where claims use FOR UPDATE SKIP LOCKED; skipped when none is reachable. */
@DataJdbcTest(properties = "tarjim.batch.worker.enabled=false")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(BatchTestConfiguration.class)
class PostgresBatchQueueTest extends BatchQueueContract {

    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @DynamicPropertySource
    static void usePostgres(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }
}
