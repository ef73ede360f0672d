package app.tarjim.batch;

import app.tarjim.testsupport.PostgresSchema;
import app.tarjim.testsupport.PostgresTestDatabase;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two worker JVMs on one PostgreSQL database share one batch: both do part of it, and every item is done
 * exactly once. Skipped when no PostgreSQL is reachable (see {@link PostgresTestDatabase}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "tarjim.batch.worker.enabled=false",
        "spring.autoconfigure.exclude=" + HeadlessSpring.EXCLUDE})
class PostgresTwoWorkersTest {

    private static final int ITEMS = 60;

    @RegisterExtension
    static final PostgresSchema SCHEMA = new PostgresSchema();

    @Autowired
    BatchService batches;
    @Autowired
    JdbcTemplate jdbc;

    private final List<Process> workers = new ArrayList<>();

    @DynamicPropertySource
    static void usePostgres(DynamicPropertyRegistry registry) {
        SCHEMA.register(registry);
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Process worker : workers) {
            worker.destroyForcibly();
            worker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoWorkerJvmsShareABatchAndDoEachItemOnce() throws Exception {
        UUID job = batches.submit(TestBatches.of(ITEMS));
        Path logs = Files.createTempDirectory("tarjim-batch-pg");
        for (String id : List.of("pg-worker-1", "pg-worker-2")) {
            workers.add(WorkerProcess.start(id, SCHEMA.url(), PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD, logs.resolve(id + ".log")));
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (batches.find(job).orElseThrow().progress().done() < ITEMS) {
            assertThat(System.nanoTime()).as("batch finished in time; logs in %s", logs).isLessThan(deadline);
            assertThat(workers).as("workers alive; logs in %s", logs).allMatch(Process::isAlive);
            Thread.sleep(200);
        }

        Map<String, Integer> byWorker = new java.util.TreeMap<>();
        jdbc.query("SELECT claimed_by, COUNT(*) AS n FROM batch_item WHERE job_id = ? GROUP BY claimed_by",
                rs -> {
                    byWorker.put(rs.getString("claimed_by"), rs.getInt("n"));
                }, job);
        assertThat(byWorker).containsOnlyKeys("pg-worker-1", "pg-worker-2");
        assertThat(byWorker.values()).allMatch(n -> n > 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM article WHERE owner = ?", Integer.class,
                TestBatches.OWNER)).as("one article per item").isEqualTo(ITEMS);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT source_text) FROM article", Integer.class))
                .isEqualTo(ITEMS);
        assertThat(jdbc.queryForObject("SELECT MAX(attempts) FROM batch_item WHERE job_id = ?", Integer.class, job))
                .as("no item claimed twice").isEqualTo(1);
        System.out.println("Two workers on PostgreSQL: " + byWorker);
    }
}
