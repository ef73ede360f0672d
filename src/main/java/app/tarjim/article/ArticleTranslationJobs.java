package app.tarjim.article;

import app.tarjim.engine.GenerationCancelledException;
import app.tarjim.pipeline.ArticlePipeline;
import app.tarjim.pipeline.PipelineRequest;
import app.tarjim.pipeline.PipelineResult;
import app.tarjim.pipeline.models.ResolvedModel;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.translate.TranslatedSentence;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs article translations in the background: the article is stored before work starts (so nothing
 * the user pasted is lost), progress is streamed to watchers, and the result or the error is stored.
 */
@Service
public class ArticleTranslationJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ArticleTranslationJobs.class);

    private final ArticlePipeline pipeline;
    private final ArticleService articles;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "article-translation");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, TranslationJob> running = new ConcurrentHashMap<>();

    private final MeterRegistry metrics;

    public ArticleTranslationJobs(ArticlePipeline pipeline, ArticleService articles, MeterRegistry metrics) {
        this.pipeline = pipeline;
        this.articles = articles;
        this.metrics = metrics;
        metrics.gauge("tarjim.articles.running", running, Map::size);
    }

    /**
     * Checks the input (throwing {@link app.tarjim.pipeline.input.InputRejectedException} with a message
     * for the user), stores the article, and starts translating it.
     */
    public TranslationJob start(String owner, PipelineRequest request) {
        pipeline.check(request.text());
        UUID id = articles.create(new ArticleDraft(owner, request.text(), request.summary().name()));
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
            articles.markRunning(id);
            PipelineResult result = pipeline.run(request, job.listener(), job::isCancelled);
            articles.complete(id, toArticleResult(result));
            metrics.counter("tarjim.articles", "status", "done").increment();
            metrics.counter("tarjim.sentences").increment(result.translation().sentences().size());
            metrics.timer("tarjim.article.duration", "stage", "translate").record(result.translateTime());
            metrics.timer("tarjim.article.duration", "stage", "summarize").record(result.summarizeTime());
        } catch (GenerationCancelledException e) {
            articles.cancel(id);
            metrics.counter("tarjim.articles", "status", "cancelled").increment();
        } catch (RuntimeException e) {
            log.warn("Article {} failed", id, e);
            articles.fail(id, userMessage(e));
            metrics.counter("tarjim.articles", "status", "failed").increment();
        } finally {
            running.remove(id);
            articles.find(id).ifPresent(job::finish);
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

    private static String userMessage(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "Translation failed (" + e.getClass().getSimpleName() + ")." : message;
    }

    @Override
    public void destroy() {
        running.values().forEach(TranslationJob::cancel);
        executor.shutdownNow();
    }
}
