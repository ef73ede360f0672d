package app.tarjim.article;

import app.tarjim.engine.GenerationCancelledException;
import app.tarjim.pipeline.ArticlePipeline;
import app.tarjim.pipeline.PipelineRequest;
import app.tarjim.pipeline.PipelineResult;
import app.tarjim.pipeline.input.InputRejectedException;
import app.tarjim.pipeline.models.ModelUnavailableException;
import app.tarjim.pipeline.models.ResolvedModel;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.text.SegmentedText;
import app.tarjim.pipeline.translate.SentenceListener;
import app.tarjim.pipeline.translate.TranslatedSentence;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs article translations in the background: the article is stored before work starts (so nothing
 * the user pasted is lost), progress is streamed to watchers, and the result or the error is stored.
 * An article is QUEUED until the pipeline gives it one of its slots, then RUNNING. The text and options are
 * stored too, so that an article interrupted by a restart can be run again ({@link ArticleRecovery}).
 */
@Service
@EnableConfigurationProperties(ArticleJobProperties.class) // also in contexts without the web server (batch)
public class ArticleTranslationJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ArticleTranslationJobs.class);

    private final ArticlePipeline pipeline;
    private final ArticleService articles;
    private final ArticleLeases leases;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "article-translation");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, TranslationJob> running = new ConcurrentHashMap<>();
    /** Articles waiting for a pipeline slot, first come first served (the slots are fair). Guarded by itself. */
    private final Set<UUID> waitingForSlot = new java.util.LinkedHashSet<>();

    private final MeterRegistry metrics;
    /** Set on shutdown: jobs stopped then were not stopped by their users, so they stay unfinished to be resumed. */
    private volatile boolean stopping;

    /** Articles this process takes on (running and waiting) before it answers "busy". */
    private final int maxWaiting;
    /** What a busy answer suggests waiting: about one article's time on a small machine. */
    static final long RETRY_AFTER_SECONDS = 30;

    public ArticleTranslationJobs(ArticlePipeline pipeline, ArticleService articles, ArticleLeases leases,
                                  MeterRegistry metrics, ArticleJobProperties properties) {
        this.pipeline = pipeline;
        this.articles = articles;
        this.leases = leases;
        this.metrics = metrics;
        this.maxWaiting = properties.maxWaiting();
        metrics.gauge("tarjim.articles.running", running, Map::size);
    }

    /**
     * Checks the input (throwing {@link app.tarjim.pipeline.input.InputRejectedException} with a message
     * for the user), stores the article, and starts translating it; {@link ServerBusyException} when this
     * process already has {@code tarjim.articles.max-waiting} articles running or waiting.
     */
    public TranslationJob start(String owner, PipelineRequest request) {
        pipeline.check(request);
        if (running.size() >= maxWaiting) {
            metrics.counter("tarjim.articles.refused", "reason", "busy").increment();
            throw new ServerBusyException(running.size(), RETRY_AFTER_SECONDS);
        }
        UUID id = articles.create(new ArticleDraft(owner, request.text(), request.summary().name()),
                StoredRequests.optionsOf(request));
        return launch(id, request);
    }

    /**
     * Starts a new article with the text and options of a FAILED or CANCELLED one, which stays as it was. Empty
     * when the article is unknown, not failed or cancelled, or was stored without its options (by an older version).
     */
    public Optional<TranslationJob> retry(UUID articleId) {
        boolean retryable = articles.find(articleId)
                .map(a -> a.status() == ArticleStatus.FAILED || a.status() == ArticleStatus.CANCELLED)
                .orElse(false);
        if (!retryable) {
            return Optional.empty();
        }
        return articles.request(articleId).flatMap(stored -> StoredRequests.toPipelineRequest(stored)
                .map(request -> start(stored.owner(), request)));
    }

    /**
     * Cancels a queued or running article: it is stored as CANCELLED at once, and its job, if this process runs
     * it, stops at its next check (one that another process runs stops after that one's next heartbeat). False
     * when the article is unknown or already finished.
     */
    public boolean cancel(UUID articleId) {
        // Stored first: a job told first could store its own CANCELLED before this call does, and this call
        // would then report an article it just cancelled as already finished.
        boolean cancelled = articles.cancel(articleId);
        if (cancelled) {
            running(articleId).ifPresent(TranslationJob::cancel);
        }
        return cancelled;
    }

    /**
     * Runs a stored article again under its own id, from its first sentence (after a crash nothing but the text
     * and options survives). False when its options were not stored.
     */
    boolean resume(UUID articleId) {
        if (running.containsKey(articleId)) {
            return true; // still ours: only its heartbeat was late (a long pause), the job itself goes on
        }
        Optional<PipelineRequest> request = articles.request(articleId).flatMap(StoredRequests::toPipelineRequest);
        request.ifPresent(r -> launch(articleId, r));
        return request.isPresent();
    }

    /** The articles this process is translating or has queued. */
    Set<UUID> local() {
        return Set.copyOf(running.keySet());
    }

    private TranslationJob launch(UUID id, PipelineRequest request) {
        TranslationJob job = new TranslationJob(id);
        running.put(id, job);
        executor.submit(() -> run(job, request));
        return job;
    }

    /** Translates synchronously on the caller's thread (the API's small-text path); the article is stored too. */
    public StoredArticle translateNow(String owner, PipelineRequest request) {
        TranslationJob job = start(owner, request);
        CompletableFuture<StoredArticle> done = new CompletableFuture<>();
        job.subscribe(new TranslationJob.Watcher() {
            @Override
            public void onFinished(StoredArticle article) {
                done.complete(article);
            }
        });
        try {
            return done.get();
        } catch (InterruptedException e) {
            job.cancel();
            Thread.currentThread().interrupt();
            throw new GenerationCancelledException();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Up to {@code n} translations of each sentence, best first, synchronously; nothing is stored (these are
     * choices offered next to a translation that was).
     */
    public List<List<String>> alternatives(List<String> sentences, TranslationPreset preset, int n) {
        return pipeline.alternatives(sentences, preset, n, () -> Thread.currentThread().isInterrupted());
    }

    public Optional<TranslationJob> running(UUID articleId) {
        return Optional.ofNullable(running.get(articleId));
    }

    private void run(TranslationJob job, PipelineRequest request) {
        UUID id = job.articleId();
        try {
            if (job.isCancelled()) {
                throw new GenerationCancelledException();
            }
            PipelineResult result = pipeline.run(request, marksRunning(id, job.listener()), job::isCancelled);
            articles.complete(id, toArticleResult(result));
            metrics.counter("tarjim.articles", "status", "done").increment();
            metrics.counter("tarjim.sentences").increment(result.translation().sentences().size());
            metrics.timer("tarjim.article.duration", "stage", "translate").record(result.translateTime());
            metrics.timer("tarjim.article.duration", "stage", "summarize").record(result.summarizeTime());
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("Article {} stopped by the shutdown; it is resumed on the next start", id);
            } else if (e instanceof GenerationCancelledException) {
                articles.cancel(id);
                metrics.counter("tarjim.articles", "status", "cancelled").increment();
            } else {
                log.warn("Article {} failed", id, e);
                articles.fail(id, userMessage(e));
                metrics.counter("tarjim.articles", "status", "failed").increment();
            }
        } finally {
            running.remove(id);
            leftQueue(id);
            articles.find(id).ifPresent(job::finish);
        }
    }

    /**
     * The pipeline segments an article right after it got a slot, before translating anything: that is when the
     * article stops waiting (QUEUED) and starts RUNNING, without the pipeline having to know about articles.
     */
    private SentenceListener marksRunning(UUID id, SentenceListener listener) {
        return new SentenceListener() {
            @Override
            public void onWaitingForSlot() {
                synchronized (waitingForSlot) {
                    waitingForSlot.add(id);
                }
                publishQueue();
            }

            @Override
            public void onSegmented(SegmentedText segmented) {
                articles.markRunning(id);
                leftQueue(id);
                listener.onSegmented(segmented);
            }

            @Override
            public void onSentence(TranslatedSentence sentence) {
                listener.onSentence(sentence);
            }

            @Override
            public void onProgress(int done, int total) {
                listener.onProgress(done, total);
            }
        };
    }

    private void leftQueue(UUID id) {
        boolean removed;
        synchronized (waitingForSlot) {
            removed = waitingForSlot.remove(id);
        }
        if (removed) {
            publishQueue();
        }
    }

    /** Tells each waiting article how many wait ahead of it, so its page can say so. */
    private void publishQueue() {
        List<UUID> order;
        synchronized (waitingForSlot) {
            order = List.copyOf(waitingForSlot);
        }
        for (int i = 0; i < order.size(); i++) {
            TranslationJob job = running.get(order.get(i));
            if (job != null) {
                job.queued(i);
            }
        }
    }

    public static ArticleResult toArticleResult(PipelineResult result) {
        List<StoredSentence> sentences = result.translation().sentences().stream()
                .map(ArticleTranslationJobs::toStored)
                .toList();
        String summary = result.summary().text().isBlank() ? null : result.summary().text();
        ModelsUsed models = new ModelsUsed(modelName(result.models().translation()),
                result.models().summarizationModel().map(ArticleTranslationJobs::modelName).orElse(null));
        return new ArticleResult(sentences, result.translation().translation(), summary, models, result.models().demo());
    }

    private static StoredSentence toStored(TranslatedSentence s) {
        return new StoredSentence(s.paragraph(), s.index(), s.source(), s.target(), s.confidence(), s.flagged());
    }

    /** The hub repository for real models, the folder name for demo ones. */
    static String modelName(ResolvedModel model) {
        return model.demo() ? model.directory().getFileName().toString() + " (demo)" : model.entry().repo();
    }

    /**
     * What the user is told: the product's own sentence when there is one (models that cannot be used, input
     * that is refused), never the container's internals (bean names, stack details), which go to the log.
     */
    static String userMessage(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ModelUnavailableException || t instanceof InputRejectedException) {
                return t.getMessage();
            }
        }
        String message = e.getMessage();
        if (message == null || message.isBlank() || e instanceof org.springframework.beans.BeansException) {
            return "Translation failed because of an error in the server (" + e.getClass().getSimpleName()
                    + "); the details are in its log. Try again, and tell the administrator if it keeps failing.";
        }
        return message;
    }

    @Override
    public void destroy() {
        stopping = true;
        Set<UUID> unfinished = local();
        running.values().forEach(TranslationJob::cancel);
        executor.shutdownNow();
        try {
            leases.release(unfinished);
        } catch (RuntimeException e) {
            log.warn("Could not hand back {} unfinished articles; they are resumed once their lease runs out",
                    unfinished.size(), e);
        }
    }
}
