package app.tarjim.pipeline;

import app.tarjim.engine.GenerationCancelledException;
import app.tarjim.engine.TextGenerator;
import app.tarjim.pipeline.input.InputValidator;
import app.tarjim.pipeline.models.ModelResolution;
import app.tarjim.pipeline.models.TranslationPreset;
import app.tarjim.pipeline.summarize.ArticleSummarizer;
import app.tarjim.pipeline.summarize.Summary;
import app.tarjim.pipeline.summarize.SummaryLength;
import app.tarjim.pipeline.text.TextNormalizer;
import app.tarjim.pipeline.translate.ArticleTranslation;
import app.tarjim.pipeline.translate.ArticleTranslator;
import app.tarjim.pipeline.translate.NBestTranslator;
import app.tarjim.pipeline.translate.SentenceListener;
import app.tarjim.pipeline.translate.TranslationSettings;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * One article end to end: check the input, translate it sentence by sentence (reporting each to the
 * listener), then summarize the English. A semaphore bounds how many articles run at once, so the
 * machine is shared fairly between browser tabs, API calls and batch workers.
 */
public class ArticlePipeline {

    private final InputValidator validator;
    private final ModelService models;
    private final LoadedModels loaded;
    private final TextNormalizer normalizer;
    private final TranslationSettings settings;
    private final Semaphore slots;

    public ArticlePipeline(InputValidator validator, ModelService models, LoadedModels loaded,
                           TextNormalizer normalizer, TranslationSettings settings, int concurrentArticles) {
        this.validator = validator;
        this.models = models;
        this.loaded = loaded;
        this.normalizer = normalizer;
        this.settings = settings;
        this.slots = new Semaphore(Math.max(1, concurrentArticles), true);
    }

    /** Throws {@link app.tarjim.pipeline.input.InputRejectedException} with a message for the user before any work. */
    public void check(String text) {
        validator.check(text);
    }

    /** As {@link #check(String)}, honouring the request's {@code force} (the language check only). */
    public void check(PipelineRequest request) {
        validator.check(request.text(), request.force());
    }

    /**
     * Up to {@code n} translations of each sentence, best first, with the model of {@code preset}; shares the
     * article slots, so it waits its turn like an article.
     */
    public List<List<String>> alternatives(List<String> sentences, TranslationPreset preset, int n,
                                           BooleanSupplier cancelled) {
        ModelResolution resolution = models.resolve(preset);
        acquireSlot();
        try {
            TextGenerator translator = loaded.get(resolution.translation().directory());
            return new NBestTranslator(translator, normalizer, settings).translate(sentences, n, cancelled);
        } finally {
            slots.release();
        }
    }

    /** Like {@link #alternatives}, with each translation's confidence. */
    public List<List<NBestTranslator.Scored>> scoredAlternatives(List<String> sentences, TranslationPreset preset,
                                                                 int n, BooleanSupplier cancelled) {
        ModelResolution resolution = models.resolve(preset);
        acquireSlot();
        try {
            TextGenerator translator = loaded.get(resolution.translation().directory());
            return new NBestTranslator(translator, normalizer, settings).translateScored(sentences, n, cancelled);
        } finally {
            slots.release();
        }
    }

    /**
     * Summarizes an English text again (a translation people edited) with the summarizer of {@code preset}; shares
     * the article slots. Throws {@link app.tarjim.pipeline.models.ModelUnavailableException} when there is none.
     */
    public Summary summarize(String english, SummaryLength length, TranslationPreset preset, BooleanSupplier cancelled) {
        ModelResolution resolution = models.resolve(preset);
        if (resolution.summarizationModel().isEmpty()) {
            throw new app.tarjim.pipeline.models.ModelUnavailableException(
                    "No summarization model is installed, so the summary cannot be made again.");
        }
        acquireSlot();
        try {
            TextGenerator summarizer = loaded.get(resolution.summarizationModel().get().directory());
            return new ArticleSummarizer(summarizer, normalizer, settings.batchSize()).summarize(english, length, cancelled);
        } finally {
            slots.release();
        }
    }

    /** Waits for one of the article slots; an interrupted wait counts as a cancellation. */
    private void acquireSlot() {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationCancelledException();
        }
    }

    public PipelineResult run(PipelineRequest request, SentenceListener listener, BooleanSupplier cancelled) {
        check(request);
        ModelResolution resolution = models.resolve(request.preset(), request.summaryModel());
        if (!slots.tryAcquire()) {
            listener.onWaitingForSlot();
            acquireSlot();
        }
        try {
            long start = System.nanoTime();
            TextGenerator translator = loaded.get(resolution.translation().directory());
            ArticleTranslation translation = new ArticleTranslator(translator, normalizer, settings)
                    .translate(request.text(), request.glossary(), listener, cancelled);
            long translated = System.nanoTime();
            Summary summary = Summary.none();
            if (request.summary() != SummaryLength.NONE && resolution.summarizationModel().isPresent()) {
                TextGenerator summarizer = loaded.get(resolution.summarizationModel().get().directory());
                summary = new ArticleSummarizer(summarizer, normalizer, settings.batchSize())
                        .summarize(translation.translation(), request.summary(), cancelled);
            }
            long summarized = System.nanoTime();
            return new PipelineResult(translation, summary, resolution,
                    Duration.ofNanos(translated - start), Duration.ofNanos(summarized - translated));
        } finally {
            slots.release();
        }
    }
}
