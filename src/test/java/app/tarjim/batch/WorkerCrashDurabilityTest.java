package app.tarjim.batch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker JVM killed with SIGKILL in the middle of a batch loses nothing and repeats nothing: a second
 * worker JVM takes back the items whose lease lapsed, finishes the batch, and every item ends DONE with
 * exactly one article. The database is an H2 file that this test JVM serves to the workers
 * (AUTO_SERVER), so the test watches the same rows they change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "tarjim.batch.worker.enabled=false",
        "spring.autoconfigure.exclude=" + HeadlessSpring.EXCLUDE})
class WorkerCrashDurabilityTest {

    private static final int ITEMS = 40;
    private static final Path DIR = createTempDir();
    private static final String URL = "jdbc:h2:file:" + DIR.resolve("tarjim") + ";AUTO_SERVER=TRUE";

    @Autowired
    BatchService batches;
    @Autowired
    JdbcTemplate jdbc;

    private final List<Process> workers = new ArrayList<>();

    @DynamicPropertySource
    static void sharedFileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
    }

    @AfterEach
    void killWorkers() throws InterruptedException {
        for (Process worker : workers) {
            worker.destroyForcibly();
            worker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void deleteDatabase() throws IOException {
        FileSystemUtils.deleteRecursively(DIR);
    }

    @Test
    void aKilledWorkersItemsAreFinishedByTheNextWorkerExactlyOnce() throws Exception {
        UUID job = batches.submit(TestBatches.of(ITEMS));

        Process first = startWorker("worker-1");
        awaitUntil(() -> count(job, "DONE") >= 6, Duration.ofSeconds(120), "worker-1 to finish 6 items");
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

        int doneAtKill = count(job, "DONE");
        List<Long> runningAtKill = jdbc.queryForList(
                "SELECT id FROM batch_item WHERE job_id = ? AND status = 'RUNNING'", Long.class, job);
        assertThat(doneAtKill).as("killed mid-batch").isLessThan(ITEMS);
        assertThat(runningAtKill).as("the kill interrupted items in progress").isNotEmpty();

        Process second = startWorker("worker-2");
        awaitUntil(() -> count(job, "DONE") == ITEMS, Duration.ofSeconds(120), "worker-2 to finish the batch");
        second.destroy();
        second.waitFor(20, TimeUnit.SECONDS);

        assertThat(count(job, "DONE")).isEqualTo(ITEMS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM article WHERE owner = ?", Integer.class,
                TestBatches.OWNER)).as("one article per item").isEqualTo(ITEMS);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT source_text) FROM article WHERE owner = ?",
                Integer.class, TestBatches.OWNER)).as("no item translated twice").isEqualTo(ITEMS);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT article_id) FROM batch_item WHERE job_id = ?",
                Integer.class, job)).isEqualTo(ITEMS);
        for (Long id : runningAtKill) {
            Map<String, Object> item = jdbc.queryForMap(
                    "SELECT attempts, claimed_by FROM batch_item WHERE id = ?", id);
            assertThat(item.get("CLAIMED_BY")).as("item %s resumed by the new worker", id).isEqualTo("worker-2");
            assertThat(item.get("ATTEMPTS")).as("item %s tried again once", id).isEqualTo(2);
        }
        int byFirst = jdbc.queryForObject(
                "SELECT COUNT(*) FROM batch_item WHERE job_id = ? AND claimed_by = 'worker-1'", Integer.class, job);
        assertThat(byFirst).isEqualTo(doneAtKill);
        System.out.printf("Durability: %d items; worker-1 killed (SIGKILL) after %d done with %d running; "
                        + "worker-2 resumed those %d and finished the other %d; every item done once%n",
                ITEMS, doneAtKill, runningAtKill.size(), runningAtKill.size(), ITEMS - doneAtKill);
    }

    private Process startWorker(String id) throws IOException {
        Process worker = WorkerProcess.start(id, URL, "sa", "", DIR.resolve(id + ".log"));
        workers.add(worker);
        return worker;
    }

    private int count(UUID job, String status) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM batch_item WHERE job_id = ? AND status = ?",
                Integer.class, job, status);
        return n == null ? 0 : n;
    }

    private void awaitUntil(BooleanSupplier condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + ". Worker logs in " + DIR + ":\n"
                        + tailOfLogs());
            }
            for (Process worker : workers) {
                if (!worker.isAlive() && worker.exitValue() != 0 && worker.exitValue() != 137) {
                    throw new AssertionError("A worker exited with " + worker.exitValue() + ":\n" + tailOfLogs());
                }
            }
            Thread.sleep(100);
        }
    }

    private static String tailOfLogs() throws IOException {
        StringBuilder logs = new StringBuilder();
        try (var files = Files.list(DIR)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                String text = Files.readString(log);
                logs.append("== ").append(log.getFileName()).append('\n')
                        .append(text, Math.max(0, text.length() - 4000), text.length()).append('\n');
            }
        }
        return logs.toString();
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("tarjim-batch-durability");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
