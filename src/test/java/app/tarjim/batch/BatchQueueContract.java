package app.tarjim.batch;

import app.tarjim.article.TestClock;

import app.tarjim.article.ArticleService;
import app.tarjim.article.ArticleStatus;
import app.tarjim.article.StoredArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claiming, completing, lease expiry, cancel and retry against a real database; run on H2 and PostgreSQL.
 * Each step commits (no test transaction), as it does in production, so concurrent claims really race.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
abstract class BatchQueueContract {

    static final Duration LEASE = Duration.ofSeconds(60);

    @Autowired
    BatchService batches;
    @Autowired
    BatchItemQueue queue;
    @Autowired
    ItemCompletion completion;
    @Autowired
    InFlightItems inFlight;
    @Autowired
    ArticleService articles;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyQueue() {
        jdbc.update("DELETE FROM batch_job");
        jdbc.update("DELETE FROM article");
    }

    @Test
    void submitStoresEveryItemPendingWithTheInputProblems() {
        UUID job = batches.submit(TestBatches.of(3));

        BatchJobView view = batches.find(job).orElseThrow();
        assertThat(view.status()).isEqualTo(BatchStatus.QUEUED);
        assertThat(view.progress()).isEqualTo(new BatchProgress(3, 3, 0, 0, 0, 0, null));
        assertThat(batches.items(job)).extracting(BatchItemView::externalId, BatchItemView::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a1", ItemStatus.PENDING),
                        org.assertj.core.groups.Tuple.tuple("a2", ItemStatus.PENDING),
                        org.assertj.core.groups.Tuple.tuple("a3", ItemStatus.PENDING));
        assertThat(batches.problems(job)).containsExactly(new InputProblem("test.csv", 99, "missing text"));
    }

    @Test
    void theModelsABatchAskedForGoWithTheJobAndWithEveryClaimedItem() {
        BatchModels quality = new BatchModels(app.tarjim.pipeline.models.TranslationPreset.QUALITY,
                app.tarjim.pipeline.models.TranslationPreset.QUALITY, true);
        NewBatch plain = TestBatches.of(1);
        UUID job = batches.submit(new NewBatch(plain.owner(), plain.name(), plain.summary(), plain.items(),
                plain.problems(), null, quality));
        UUID defaults = batches.submit(TestBatches.of(1));

        assertThat(batches.find(job).orElseThrow().models()).isEqualTo(quality);
        assertThat(batches.find(defaults).orElseThrow().models()).isEqualTo(BatchModels.DEFAULT);
        assertThat(queue.claim("w1", LEASE).orElseThrow().work().models()).isEqualTo(quality);
        assertThat(queue.claim("w2", LEASE).orElseThrow().work().models()).isEqualTo(BatchModels.DEFAULT);
    }

    @Test
    void claimsTakeItemsOldestFirstAndNeverTwice() {
        UUID job = batches.submit(TestBatches.of(2));

        ClaimedItem first = queue.claim("w1", LEASE).orElseThrow();
        ClaimedItem second = queue.claim("w2", LEASE).orElseThrow();

        assertThat(first.work().externalId()).isEqualTo("a1");
        assertThat(second.work().externalId()).isEqualTo("a2");
        assertThat(first.owner()).isEqualTo(TestBatches.OWNER);
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(queue.claim("w3", LEASE)).isEmpty();
        assertThat(batches.items(job)).extracting(BatchItemView::status, BatchItemView::claimedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ItemStatus.RUNNING, "w1"),
                        org.assertj.core.groups.Tuple.tuple(ItemStatus.RUNNING, "w2"));
        assertThat(batches.find(job).orElseThrow().status()).isEqualTo(BatchStatus.RUNNING);
    }

    @Test
    void completionStoresTheTranslationAsAnArticleOfTheJobsOwner() {
        UUID job = batches.submit(TestBatches.of(1));
        ClaimedItem item = queue.claim("w1", LEASE).orElseThrow();

        assertThat(completion.complete(item, "w1", TestBatches.echo(item.work().text()))).isTrue();

        BatchItemView done = batches.items(job).get(0);
        assertThat(done.status()).isEqualTo(ItemStatus.DONE);
        StoredArticle article = articles.find(done.articleId()).orElseThrow();
        assertThat(article.status()).isEqualTo(ArticleStatus.DONE);
        assertThat(article.owner()).isEqualTo(TestBatches.OWNER);
        assertThat(article.summaryLength()).isEqualTo("SHORT");
        assertThat(article.translationText()).isEqualTo("EN: مقال رقم 1.");
        BatchJobView view = batches.find(job).orElseThrow();
        assertThat(view.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(view.progress().done()).isEqualTo(1);
    }

    @Test
    void aWorkerWhoseLeaseExpiredCannotCompleteTheItemItLost() {
        UUID job = batches.submit(TestBatches.of(1));
        ClaimedItem stale = queue.claim("dead-worker", LEASE).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));

        assertThat(queue.expireLeases(3)).isEqualTo(new BatchItemQueue.ExpiredLeases(1, 0));
        ClaimedItem retaken = queue.claim("w2", LEASE).orElseThrow();
        assertThat(retaken.itemId()).isEqualTo(stale.itemId());
        assertThat(retaken.attempt()).isEqualTo(2);

        assertThat(completion.complete(stale, "dead-worker", TestBatches.echo("late"))).isFalse();
        assertThat(queue.extendLease(stale.itemId(), "dead-worker", LEASE)).isFalse();
        assertThat(completion.complete(retaken, "w2", TestBatches.echo("on time"))).isTrue();
        assertThat(articleCount()).as("the lost completion rolled back its article").isEqualTo(1);
        assertThat(batches.items(job).get(0).claimedBy()).isEqualTo("w2");
    }

    @Test
    void heartbeatsKeepALongRunningItemFromExpiring() {
        batches.submit(TestBatches.of(1));
        ClaimedItem item = queue.claim("w1", LEASE).orElseThrow();

        clock.advance(LEASE.minusSeconds(10));
        assertThat(queue.extendLease(item.itemId(), "w1", LEASE)).isTrue();
        clock.advance(LEASE.minusSeconds(10));

        assertThat(queue.expireLeases(3)).isEqualTo(new BatchItemQueue.ExpiredLeases(0, 0));
        assertThat(queue.claim("w2", LEASE)).isEmpty();
    }

    @Test
    void anItemThatKeepsKillingWorkersFailsAfterTheLastAttempt() {
        UUID job = batches.submit(TestBatches.of(1));
        for (int attempt = 1; attempt <= 2; attempt++) {
            queue.claim("w" + attempt, LEASE).orElseThrow();
            clock.advance(LEASE.plusSeconds(1));
            assertThat(queue.expireLeases(2).requeued()).isEqualTo(attempt == 1 ? 1 : 0);
        }

        BatchItemView item = batches.items(job).get(0);
        assertThat(item.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(item.attempts()).isEqualTo(2);
        assertThat(item.error()).contains("stopped 2 times").contains("Retry");
    }

    @Test
    void cancelStopsPendingAndRunningItemsAndDropsLateResults() {
        UUID job = batches.submit(TestBatches.of(3));
        ClaimedItem running = queue.claim("w1", LEASE).orElseThrow();
        InFlightItems.Handle handle = inFlight.register(running);
        try {
            assertThat(batches.cancel(job)).isTrue();

            assertThat(handle.shouldStop()).as("the local processor is told to stop").isTrue();
            assertThat(completion.complete(running, "w1", TestBatches.echo("late"))).isFalse();
            assertThat(queue.claim("w2", LEASE)).isEmpty();
            BatchJobView view = batches.find(job).orElseThrow();
            assertThat(view.status()).isEqualTo(BatchStatus.CANCELLED);
            assertThat(view.progress().cancelled()).isEqualTo(3);
            assertThat(articleCount()).isZero();
        } finally {
            inFlight.remove(handle);
        }
    }

    @Test
    void retryQueuesFailedAndCancelledItemsAgain() {
        UUID job = batches.submit(TestBatches.of(2));
        ClaimedItem failing = queue.claim("w1", LEASE).orElseThrow();
        assertThat(queue.markFailed(failing.itemId(), "w1", "Model ran out of memory")).isTrue();
        BatchItemView failed = batches.items(job).get(0);
        assertThat(failed.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(failed.error()).isEqualTo("Model ran out of memory");
        batches.cancel(job);

        assertThat(batches.retry(job)).contains(2);

        assertThat(batches.items(job)).extracting(BatchItemView::status)
                .containsExactly(ItemStatus.PENDING, ItemStatus.PENDING);
        assertThat(batches.find(job).orElseThrow().status()).isEqualTo(BatchStatus.QUEUED);
        assertThat(queue.claim("w2", LEASE).orElseThrow().attempt()).isEqualTo(1);
    }

    @Test
    void unknownJobsAreReportedAsSuch() {
        UUID unknown = UUID.randomUUID();
        assertThat(batches.find(unknown)).isEmpty();
        assertThat(batches.cancel(unknown)).isFalse();
        assertThat(batches.retry(unknown)).isEmpty();
    }

    @Test
    void workersRacingForItemsEachGetDifferentOnes() throws Exception {
        int items = 120;
        int workers = 6;
        batches.submit(TestBatches.of(items));
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String worker = "w" + w;
                counts.add(pool.submit(() -> {
                    start.await();
                    int mine = 0;
                    Optional<ClaimedItem> item;
                    while ((item = queue.claim(worker, LEASE)).isPresent()) {
                        if (!claimed.add(item.get().itemId())) {
                            duplicates.add(item.get().itemId());
                        }
                        mine++;
                    }
                    return mine;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> count : counts) {
                total += count.get(60, TimeUnit.SECONDS);
            }
            assertThat(duplicates).isEmpty();
            assertThat(total).isEqualTo(items);
            assertThat(claimed).hasSize(items);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWorkerStoresGoodItemsAndKeepsTheErrorOfFailedOnes() {
        UUID job = batches.submit(TestBatches.of(3));
        BatchWorker worker = new BatchWorker("w1", queue, completion,
                (item, cancelled) -> {
                    if (item.externalId().equals("a2")) {
                        throw new IllegalStateException("Text is not Arabic");
                    }
                    return TestBatches.echo(item.text());
                },
                inFlight, new BatchMetrics(new SimpleMeterRegistry(), storeFor()), LEASE);

        while (worker.processNext()) {
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(batches.items(job)).extracting(BatchItemView::status, BatchItemView::error)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ItemStatus.DONE, null),
                        org.assertj.core.groups.Tuple.tuple(ItemStatus.FAILED, "Text is not Arabic"),
                        org.assertj.core.groups.Tuple.tuple(ItemStatus.DONE, null));
        assertThat(articleCount()).isEqualTo(2);
        assertThat(batches.find(job).orElseThrow().status()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void metricsShowQueueDepthAndOutcomes() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        BatchMetrics metrics = new BatchMetrics(registry, store);
        batches.submit(TestBatches.of(3));
        assertThat(registry.get("tarjim.batch.queue.depth").gauge().value()).isEqualTo(3);

        BatchWorker worker = new BatchWorker("w1", queue, completion, (item, cancelled) -> {
            if (item.externalId().equals("a3")) {
                throw new IllegalStateException("no");
            }
            return TestBatches.echo(item.text());
        }, inFlight, metrics, LEASE);
        while (worker.processNext()) {
            // drain
        }

        assertThat(registry.get("tarjim.batch.queue.depth").gauge().value()).isZero();
        assertThat(registry.get("tarjim.batch.items").tag("outcome", "done").counter().count()).isEqualTo(2);
        assertThat(registry.get("tarjim.batch.items").tag("outcome", "failed").counter().count()).isEqualTo(1);
    }

    @Autowired
    BatchJobStore store;

    private BatchJobStore storeFor() {
        return store;
    }

    private int articleCount() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM article", Integer.class);
        return n == null ? 0 : n;
    }
}
