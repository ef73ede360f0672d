package app.tarjim.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Batch meters: {@code tarjim.batch.queue.depth} (pending items in all jobs, read from the database at
 * scrape time, so it counts work queued by every JVM) and {@code tarjim.batch.items} counters by outcome
 * for the items this JVM finished.
 */
@Component
class BatchMetrics {

    private final Counter done;
    private final Counter failed;
    private final Counter dropped;
    private final Counter expired;

    BatchMetrics(MeterRegistry registry, BatchJobStore store) {
        Gauge.builder("tarjim.batch.queue.depth", store, BatchMetrics::pendingOrNaN)
                .description("Batch items waiting for a worker")
                .register(registry);
        done = outcome(registry, "done", "Batch items translated and stored");
        failed = outcome(registry, "failed", "Batch items whose translation failed");
        dropped = outcome(registry, "dropped", "Batch item results thrown away because the job was cancelled "
                + "or the item's lease had passed to another worker");
        expired = outcome(registry, "expired", "Batch items taken back from a worker that stopped renewing its lease");
    }

    private static Counter outcome(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("tarjim.batch.items").tag("outcome", outcome).description(description)
                .register(registry);
    }

    private static double pendingOrNaN(BatchJobStore store) {
        try {
            return store.pendingItems();
        } catch (RuntimeException databaseUnavailable) {
            // A scrape during startup or shutdown must not fail the whole metrics page.
            return Double.NaN;
        }
    }

    void itemDone() {
        done.increment();
    }

    void itemFailed() {
        failed.increment();
    }

    void resultDropped() {
        dropped.increment();
    }

    void leasesExpired(int count) {
        expired.increment(count);
    }
}
