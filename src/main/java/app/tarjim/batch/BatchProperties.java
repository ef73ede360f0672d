package app.tarjim.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Batch settings ({@code tarjim.batch.*}).
 *
 * @param maxItems        articles one batch may hold; more is refused (HTTP 413) rather than cut short
 * @param maxCharsPerItem longest article accepted; longer ones are reported as problems and skipped
 * @param maxUploadSize   largest batch file accepted
 */
@ConfigurationProperties("tarjim.batch")
public record BatchProperties(Integer maxItems, Integer maxCharsPerItem, DataSize maxUploadSize, Worker worker) {

    public BatchProperties {
        maxItems = positive(maxItems, 10_000, "max-items");
        maxCharsPerItem = positive(maxCharsPerItem, 100_000, "max-chars-per-item");
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(50) : maxUploadSize;
        worker = worker == null ? new Worker(null, null, null, null, null, null, null, null) : worker;
    }

    /** Defaults throughout, for tests and the command line. */
    public static BatchProperties defaults() {
        return new BatchProperties(null, null, null, null);
    }

    /**
     * The worker pool that runs in this JVM.
     *
     * @param enabled       whether this JVM takes items at all (the web app and {@code batch-worker} do by default)
     * @param threads       items processed at once; default: half the processors, at least one
     * @param pollInterval  how often an idle worker looks for work from other JVMs (local uploads wake it at once)
     * @param lease         how long a claim holds without a heartbeat; after that the item is given to another worker
     * @param heartbeat     how often running items' leases are extended (and cancellation noticed across JVMs)
     * @param maxAttempts   claims an item gets before a worker that keeps dying on it marks it FAILED
     * @param shutdownGrace how long stopping waits for running items before handing them back
     * @param id            this worker's name in claimed_by; default host, process id and a random suffix
     */
    public record Worker(Boolean enabled, Integer threads, Duration pollInterval, Duration lease, Duration heartbeat,
                         Integer maxAttempts, Duration shutdownGrace, String id) {

        public Worker {
            enabled = enabled == null || enabled;
            threads = positive(threads, Math.max(1, Runtime.getRuntime().availableProcessors() / 2), "worker.threads");
            pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
            lease = lease == null ? Duration.ofSeconds(60) : lease;
            heartbeat = heartbeat == null ? Duration.ofSeconds(10) : heartbeat;
            maxAttempts = positive(maxAttempts, 3, "worker.max-attempts");
            shutdownGrace = shutdownGrace == null ? Duration.ofSeconds(20) : shutdownGrace;
            if (heartbeat.compareTo(lease) >= 0) {
                throw new IllegalArgumentException("tarjim.batch.worker.heartbeat (" + heartbeat
                        + ") must be shorter than tarjim.batch.worker.lease (" + lease + ")");
            }
        }
    }

    private static int positive(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("tarjim.batch." + name + " must be at least 1, was " + value);
        }
        return value;
    }
}
