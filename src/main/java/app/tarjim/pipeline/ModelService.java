package app.tarjim.pipeline;

import app.tarjim.pipeline.models.DownloadListener;
import app.tarjim.pipeline.models.DownloadProgress;
import app.tarjim.pipeline.models.ModelProvider;
import app.tarjim.pipeline.models.ModelResolution;
import app.tarjim.pipeline.models.ModelUnavailableException;
import app.tarjim.pipeline.models.TranslationPreset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Resolves each preset's models once (fetching them on first use when they are missing) and remembers
 * the answer, so a missing network costs one failed download at start, not one per article.
 */
public class ModelService {

    private static final Logger log = LoggerFactory.getLogger(ModelService.class);

    private final Supplier<ModelProvider> provider;
    private final Map<TranslationPreset, CompletableFuture<ModelResolution>> resolutions = new ConcurrentHashMap<>();
    /** The quality summarizer, resolved once on first request (it is opt-in, so never at start). */
    private final Map<TranslationPreset, CompletableFuture<app.tarjim.pipeline.models.ResolvedModel>> summarizers =
            new ConcurrentHashMap<>();
    private final AtomicReference<DownloadProgress> lastProgress = new AtomicReference<>();
    private final AtomicReference<ModelsStatus> status = new AtomicReference<>(
            new ModelsStatus(ModelsStatus.State.CHECKING, "Looking for the models on disk.", null, 0));
    private final DownloadRate rate = new DownloadRate(System::nanoTime);

    /** The provider is looked up on first use, so the app starts even when the registry is missing or broken. */
    public ModelService(Supplier<ModelProvider> provider) {
        this.provider = provider;
    }

    /** The registry's translation model of a preset (for its name and licence); empty when there is no registry. */
    public Optional<app.tarjim.pipeline.models.ModelEntry> translationModel(TranslationPreset preset) {
        try {
            return Optional.of(provider.get().registry().translation(preset));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Starts resolving a preset in the background (used at start-up for the default preset). */
    public CompletableFuture<ModelResolution> prepare(TranslationPreset preset) {
        return resolutions.computeIfAbsent(preset, p -> CompletableFuture.supplyAsync(() -> {
            boolean tracked = p == TranslationPreset.FAST;
            DownloadListener listener = progress -> {
                lastProgress.set(progress);
                if (tracked) {
                    status.set(new ModelsStatus(ModelsStatus.State.DOWNLOADING, "Downloading " + progress.repo()
                            + ".", progress, rate.bytesPerSecond(progress.overallBytes())));
                }
            };
            try {
                ModelResolution resolution = provider.get().resolve(p, true, listener);
                if (resolution.demo()) {
                    log.warn("Preset {}: {} ({})", p, ModelResolution.DEMO_NOTICE, demoReason(resolution));
                    if (tracked) {
                        status.set(new ModelsStatus(ModelsStatus.State.DEMO, demoReason(resolution), null, 0));
                    }
                } else {
                    log.info("Preset {}: models in {}", p, resolution.translation().directory());
                    if (tracked) {
                        status.set(new ModelsStatus(ModelsStatus.State.LOADING, "Loading the models.", null, 0));
                    }
                }
                return resolution;
            } catch (RuntimeException e) {
                RuntimeException plain = plainCause(e);
                if (tracked) {
                    status.set(new ModelsStatus(ModelsStatus.State.FAILED, plain.getMessage(), null, 0));
                }
                throw plain;
            }
        }));
    }

    /**
     * The provider is made on first use, so what stops it (an unreadable registry, a models folder that is a
     * file) arrives wrapped in the container's bean-creation error; users get the sentence inside it.
     */
    static RuntimeException plainCause(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ModelUnavailableException unavailable) {
                return unavailable;
            }
        }
        return e;
    }

    /** Why the demo models stand in, in words (the first demo model's reason). */
    private static String demoReason(ModelResolution resolution) {
        return java.util.stream.Stream.of(resolution.translation(), resolution.summarization())
                .filter(m -> m != null && m.demo() && m.reason() != null)
                .map(m -> m.reason()).findFirst().orElse(ModelResolution.DEMO_NOTICE);
    }

    /** Where the default (fast) models stand. */
    public ModelsStatus status() {
        return status.get();
    }

    /** Called once the default models are loaded and have generated once. */
    public void markReady(String message) {
        status.updateAndGet(current -> current.state() == ModelsStatus.State.LOADING
                ? new ModelsStatus(ModelsStatus.State.READY, message, null, 0) : current);
    }

    /** Blocks until the preset's models are known. */
    public ModelResolution resolve(TranslationPreset preset) {
        return await(resolutions, preset, prepare(preset));
    }

    /**
     * As {@link #resolve(TranslationPreset)}, with the summary model of {@code summaryModel}: {@code QUALITY} is
     * distilbart-cnn-12-6 (fetched on first use; the standard one, then its demo, stand in with a reason).
     */
    public ModelResolution resolve(TranslationPreset preset, TranslationPreset summaryModel) {
        ModelResolution resolution = resolve(preset);
        if (summaryModel != TranslationPreset.QUALITY) {
            return resolution;
        }
        CompletableFuture<app.tarjim.pipeline.models.ResolvedModel> future = summarizers.computeIfAbsent(summaryModel,
                quality -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return provider.get().resolveSummarizer(quality, lastProgress::set);
                    } catch (RuntimeException e) {
                        throw plainCause(e);
                    }
                }));
        return new ModelResolution(resolution.translation(), await(summarizers, summaryModel, future));
    }

    /** The future's value; a failed one is dropped from {@code cache}, so that a later request tries again. */
    private static <K, V> V await(Map<K, CompletableFuture<V>> cache, K key, CompletableFuture<V> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for models", e);
        } catch (ExecutionException e) {
            cache.remove(key, future);
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The preset's resolution when it is already known. */
    public Optional<ModelResolution> resolved(TranslationPreset preset) {
        CompletableFuture<ModelResolution> future = resolutions.get(preset);
        if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(future.join());
    }

    /** The latest download progress, while models are being fetched. */
    public Optional<DownloadProgress> downloadProgress() {
        return Optional.ofNullable(lastProgress.get());
    }
}
