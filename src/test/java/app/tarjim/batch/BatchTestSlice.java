package app.tarjim.batch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

/**
 * The batch services on H2 without web parts or worker threads, for tests outside this package (the UI);
 * they process items through {@link Worker}, which runs the real claim and completion code.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJdbcTest(properties = "tarjim.batch.worker.enabled=false")
@Import({BatchTestConfiguration.class, BatchTestSlice.WorkerConfiguration.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public @interface BatchTestSlice {

    /** Processes pending items with the echo result, as a worker thread would. */
    final class Worker {

        private final BatchWorker worker;
        private final JdbcTemplate jdbc;

        Worker(BatchWorker worker, JdbcTemplate jdbc) {
            this.worker = worker;
            this.jdbc = jdbc;
        }

        public void processAll() {
            while (worker.processNext()) {
                // until the queue is empty
            }
        }

        public void clearQueue() {
            jdbc.update("DELETE FROM batch_job");
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    class WorkerConfiguration {

        @Bean
        Worker testWorker(BatchItemQueue queue, ItemCompletion completion, InFlightItems inFlight,
                          BatchJobStore store, JdbcTemplate jdbc) {
            return new Worker(new BatchWorker("test-worker", queue, completion,
                    (item, cancelled) -> TestBatches.echo(item.text()), inFlight,
                    new BatchMetrics(new SimpleMeterRegistry(), store), Duration.ofMinutes(1)), jdbc);
        }
    }
}
