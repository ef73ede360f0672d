package app.tarjim.batch;

import app.tarjim.article.ArticleResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/** One worker thread's job: claim an item, process it, store the outcome if the item is still ours. */
final class BatchWorker {

    private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);

    private final String workerId;
    private final BatchItemQueue queue;
    private final ItemCompletion completion;
    private final BatchItemProcessor processor;
    private final InFlightItems inFlight;
    private final BatchMetrics metrics;
    private final Duration lease;

    BatchWorker(String workerId, BatchItemQueue queue, ItemCompletion completion, BatchItemProcessor processor,
                InFlightItems inFlight, BatchMetrics metrics, Duration lease) {
        this.workerId = workerId;
        this.queue = queue;
        this.completion = completion;
        this.processor = processor;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.lease = lease;
    }

    /** Claims and processes one item; false when none was pending. */
    boolean processNext() {
        Optional<ClaimedItem> claimed = queue.claim(workerId, lease);
        claimed.ifPresent(this::process);
        return claimed.isPresent();
    }

    private void process(ClaimedItem item) {
        InFlightItems.Handle handle = inFlight.register(item);
        try {
            ArticleResult result = processor.process(item.work(), handle::shouldStop);
            store(item, result);
        } catch (Exception e) {
            handleFailure(item, handle, e);
        } finally {
            inFlight.remove(handle);
        }
    }

    private void store(ClaimedItem item, ArticleResult result) {
        if (result == null) {
            throw new IllegalStateException("The translation pipeline returned no result");
        }
        if (completion.complete(item, workerId, result)) {
            metrics.itemDone();
        } else {
            metrics.resultDropped();
            log.info("Dropped the result of batch item {}: it was cancelled or another worker took it over",
                    item.itemId());
        }
    }

    private void handleFailure(ClaimedItem item, InFlightItems.Handle handle, Exception e) {
        if (handle.lost()) {
            return;
        }
        if (handle.stopping()) {
            queue.release(item.itemId(), workerId);
            return;
        }
        String message = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName() : e.getMessage();
        log.warn("Batch item {} (job {}) failed on attempt {}: {}", item.itemId(), item.jobId(), item.attempt(),
                message, e);
        if (queue.markFailed(item.itemId(), workerId, message)) {
            metrics.itemFailed();
        }
    }
}
