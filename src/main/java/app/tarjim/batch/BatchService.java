package app.tarjim.batch;

import app.tarjim.article.ArticleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * What the API, the UI and the command line do with batches: submit, watch, cancel, retry, read results.
 * Processing itself happens in {@link BatchWorkerPool}s, in this JVM or others sharing the database.
 */
@Service
public class BatchService {

    public static final int MAX_RECENT = 200;

    private final BatchJobStore store;
    private final ArticleService articles;
    private final TransactionTemplate transaction;
    private final WorkSignal signal;
    private final InFlightItems inFlight;
    private final BatchProperties properties;

    BatchService(BatchJobStore store, ArticleService articles, TransactionTemplate transaction, WorkSignal signal,
                 InFlightItems inFlight, BatchProperties properties) {
        this.store = store;
        this.articles = articles;
        this.transaction = transaction;
        this.signal = signal;
        this.inFlight = inFlight;
        this.properties = properties;
    }

    /**
     * Stores the job with every item and problem in one transaction, then wakes the workers.
     *
     * @throws BatchRejectedException when there is nothing to translate or more than the configured items
     */
    public UUID submit(NewBatch batch) {
        if (batch.items().isEmpty()) {
            throw new BatchRejectedException(BatchRejectedException.Reason.NO_ITEMS,
                    "No article could be read from " + batch.name() + problemHint(batch.problems()));
        }
        if (batch.items().size() > properties.maxItems()) {
            throw new BatchRejectedException(BatchRejectedException.Reason.TOO_MANY_ITEMS,
                    batch.name() + " holds " + batch.items().size() + " articles; one batch may hold at most "
                            + properties.maxItems() + ". Split it into smaller files.");
        }
        UUID id = transaction.execute(status -> store.insert(batch));
        signal.wake();
        return id;
    }

    private static String problemHint(List<InputProblem> problems) {
        if (problems.isEmpty()) {
            return ". Check that it has articles in it.";
        }
        InputProblem first = problems.get(0);
        String where = first.lineNumber() > 0 ? first.sourceName() + " line " + first.lineNumber() : first.sourceName();
        return ". First problem: " + where + ": " + first.message();
    }

    /**
     * The job an earlier run made from the same input (same {@link NewBatch#inputDigest()}), so a command-line
     * run that was interrupted resumes instead of starting over; otherwise a new job.
     */
    public UUID submitOrResume(NewBatch batch) {
        if (batch.inputDigest() != null) {
            Optional<UUID> earlier = store.findByInput(batch.owner(), batch.inputDigest());
            if (earlier.isPresent()) {
                signal.wake();
                return earlier.get();
            }
        }
        return submit(batch);
    }

    public Optional<BatchJobView> find(UUID id) {
        return store.find(id);
    }

    /** Newest first, at most {@code limit} (1 to {@value #MAX_RECENT}). */
    public List<BatchJobView> recent(int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_RECENT);
        }
        return store.recent(limit);
    }

    /** Newest first, at most {@code limit} (1 to {@value #MAX_RECENT}), of the given owners' jobs only. */
    public List<BatchJobView> recent(Collection<String> owners, int limit) {
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_RECENT);
        }
        return owners.isEmpty() ? List.of() : store.recent(owners, limit);
    }

    public List<BatchItemView> items(UUID jobId) {
        return store.items(jobId);
    }

    /** A page of a batch's items in input order: positions {@code offset} to {@code offset + limit - 1}. */
    public List<BatchItemView> items(UUID jobId, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be 0 or more and limit 1 or more");
        }
        return store.items(jobId, offset, limit);
    }

    public List<InputProblem> problems(UUID jobId) {
        return store.problems(jobId);
    }

    /**
     * Stops the job: pending items are cancelled, running ones are told to stop. False if there is no such job.
     * A job whose items have all finished is left as it is: cancelling it would only relabel finished work.
     */
    public boolean cancel(UUID jobId) {
        Optional<BatchJobView> job = store.find(jobId);
        if (job.isEmpty()) {
            return false;
        }
        if (job.get().status() == BatchStatus.COMPLETED) {
            return true;
        }
        transaction.executeWithoutResult(status -> store.cancel(jobId));
        inFlight.jobCancelled(jobId);
        return true;
    }

    /** Queues failed and cancelled items again; returns how many, or empty if there is no such job. */
    public Optional<Integer> retry(UUID jobId) {
        if (store.find(jobId).isEmpty()) {
            return Optional.empty();
        }
        Integer requeued = transaction.execute(status -> store.retry(jobId));
        signal.wake();
        return Optional.ofNullable(requeued);
    }

    /** Items {@code offset ..} in input order, at most {@code limit}, DONE ones with their article, for exports. */
    public List<BatchResult> results(UUID jobId, int offset, int limit) {
        List<BatchItemView> items = store.items(jobId, offset, limit);
        List<String> texts = store.sourceTexts(jobId, offset, limit);
        return IntStream.range(0, items.size())
                .mapToObj(i -> new BatchResult(items.get(i), texts.get(i),
                        Optional.ofNullable(items.get(i).articleId()).flatMap(articles::find)))
                .toList();
    }
}
