package app.tarjim.batch;

import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.context.annotation.Import;

/** The queue contract on the embedded H2 database, where claims are conditional updates. */
@DataJdbcTest(properties = "tarjim.batch.worker.enabled=false")
@Import(BatchTestConfiguration.class)
class H2BatchQueueTest extends BatchQueueContract {
}
