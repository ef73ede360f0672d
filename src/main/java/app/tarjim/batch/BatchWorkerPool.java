package app.tarjim.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Worker threads that take batch items from the database, started and stopped with the application. Idle
 * threads poll (for work submitted by other JVMs) and are woken at once by local submissions. A
 * housekeeping thread renews the leases of running items and returns expired ones to the queue.
 * Threads are not daemons, so a worker-only JVM ({@code batch-worker}) stays up while they run.
 */
@Component
public class BatchWorkerPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchWorkerPool.class);

    private final BatchItemQueue queue;
    private final ItemCompletion completion;
    private final ObjectProvider<BatchItemProcessor> processor;
    private final InFlightItems inFlight;
    private final WorkSignal signal;
    private final BatchMetrics metrics;
    private final BatchProperties.Worker settings;
    private final String workerId;
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService housekeeping;
    private volatile boolean running;

    BatchWorkerPool(BatchItemQueue queue, ItemCompletion completion, ObjectProvider<BatchItemProcessor> processor,
                    InFlightItems inFlight, WorkSignal signal, BatchMetrics metrics, BatchProperties properties,
                    WorkerIdentity identity) {
        this.queue = queue;
        this.completion = completion;
        this.processor = processor;
        this.inFlight = inFlight;
        this.signal = signal;
        this.metrics = metrics;
        this.settings = properties.worker();
        this.workerId = identity.id();
    }

    public String workerId() {
        return workerId;
    }

    /** Whether this JVM can process items: workers enabled and a translation pipeline present. */
    public boolean canProcess() {
        return settings.enabled() && processor.getIfAvailable() != null;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (!settings.enabled()) {
            log.info("Batch workers disabled (tarjim.batch.worker.enabled=false); batches wait for another JVM");
            return;
        }
        BatchItemProcessor itemProcessor = processor.getIfAvailable();
        if (itemProcessor == null) {
            log.warn("Batch workers not started: no translation pipeline (BatchItemProcessor) is configured; "
                    + "batches stay queued until a worker with one runs");
            return;
        }
        running = true;
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "batch-leases"));
        long period = settings.heartbeat().toMillis();
        housekeeping.scheduleWithFixedDelay(this::renewAndExpireLeases, period, period, TimeUnit.MILLISECONDS);
        for (int i = 0; i < settings.threads(); i++) {
            BatchWorker worker = new BatchWorker(workerId, queue, completion, itemProcessor, inFlight, metrics,
                    settings.lease());
            Thread thread = new Thread(() -> loop(worker), "batch-worker-" + (i + 1));
            threads.add(thread);
            thread.start();
        }
        log.info("Batch worker {} started with {} thread(s)", workerId, settings.threads());
    }

    private void loop(BatchWorker worker) {
        while (running) {
            try {
                if (!worker.processNext()) {
                    signal.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Usually the database briefly unreachable: back off and try again rather than lose the thread.
                log.warn("Batch worker error; retrying in {}", settings.pollInterval(), e);
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void renewAndExpireLeases() {
        try {
            for (InFlightItems.Handle handle : inFlight.all()) {
                if (!handle.lost() && !queue.extendLease(handle.itemId(), workerId, settings.lease())) {
                    handle.markLost();
                }
            }
            BatchItemQueue.ExpiredLeases expired = queue.expireLeases(settings.maxAttempts());
            if (expired.requeued() + expired.failed() > 0) {
                metrics.leasesExpired(expired.requeued() + expired.failed());
                log.info("Took back {} batch item(s) from stopped workers ({} queued again, {} failed after {} "
                        + "attempts)", expired.requeued() + expired.failed(), expired.requeued(), expired.failed(),
                        settings.maxAttempts());
                signal.wake();
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew batch leases", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        inFlight.stopAll();
        signal.wake();
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        // Items whose processor ignored the stop request go back to the queue now rather than after their lease.
        for (InFlightItems.Handle handle : inFlight.all()) {
            queue.release(handle.itemId(), workerId);
        }
        threads.clear();
        housekeeping.shutdownNow();
        log.info("Batch worker {} stopped", workerId);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop early in shutdown, while the database is still there to hand items back to. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
