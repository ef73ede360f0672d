package app.tarjim.pipeline.models;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides which model folders to load: the real model when its files are present or can be fetched; for the
 * quality preset, the fast model when the quality one cannot be had; otherwise the demo model named in the
 * registry. Each stand-in carries the reason, for users to be told.
 */
public final class ModelProvider {

    private final ModelRegistry registry;
    private final ModelDownloader downloader;

    public ModelProvider(ModelRegistry registry, ModelDownloader downloader) {
        this.registry = registry;
        this.downloader = downloader;
    }

    public ModelRegistry registry() {
        return registry;
    }

    /**
     * @throws ModelUnavailableException when neither the real model nor its demo is available
     */
    public ModelResolution resolve(TranslationPreset preset, boolean withSummarizer, DownloadListener listener) {
        ResolvedModel translation = preset == TranslationPreset.QUALITY
                ? resolveQuality(listener) : resolve(registry.translation(preset), listener);
        ResolvedModel summarization = withSummarizer ? resolve(registry.summarization(), listener) : null;
        return new ModelResolution(translation, summarization);
    }

    /**
     * The summarizer of a quality level: for {@code QUALITY} the quality entry (distilbart-cnn-12-6), else the
     * standard one (saying so), else the quality entry's demo (saying why); for {@code FAST} the standard one.
     */
    public ResolvedModel resolveSummarizer(TranslationPreset quality, DownloadListener listener) {
        if (quality != TranslationPreset.QUALITY) {
            return resolve(registry.summarization(TranslationPreset.FAST), listener);
        }
        ModelEntry better = registry.summarization(TranslationPreset.QUALITY);
        try {
            return real(better, listener);
        } catch (ModelUnavailableException qualityProblem) {
            ModelEntry standard = registry.summarization(TranslationPreset.FAST);
            try {
                ResolvedModel model = real(standard, listener);
                return new ResolvedModel(standard, model.directory(), false, "The quality summary model is "
                        + "unavailable (" + withoutDot(qualityProblem.getMessage()) + "); the standard one is used instead.");
            } catch (ModelUnavailableException standardProblem) {
                return demo(better, "Neither the quality nor the standard summary model is available ("
                        + withoutDot(qualityProblem.getMessage()) + "; " + withoutDot(standardProblem.getMessage())
                        + ").", standardProblem);
            }
        }
    }

    /** Quality, else fast (saying so), else the demo (saying why). */
    private ResolvedModel resolveQuality(DownloadListener listener) {
        ModelEntry quality = registry.translation(TranslationPreset.QUALITY);
        try {
            return real(quality, listener);
        } catch (ModelUnavailableException qualityProblem) {
            ModelEntry fast = registry.translation(TranslationPreset.FAST);
            try {
                ResolvedModel fastModel = real(fast, listener);
                return new ResolvedModel(fast, fastModel.directory(), false, "The quality translation model is "
                        + "unavailable (" + withoutDot(qualityProblem.getMessage()) + "); the fast model is used instead.");
            } catch (ModelUnavailableException fastProblem) {
                return demo(quality, "Neither the quality nor the fast translation model is available ("
                        + withoutDot(qualityProblem.getMessage()) + "; " + withoutDot(fastProblem.getMessage()) + ").",
                        fastProblem);
            }
        }
    }

    private ResolvedModel resolve(ModelEntry entry, DownloadListener listener) {
        try {
            return real(entry, listener);
        } catch (ModelUnavailableException e) {
            return demo(entry, e.getMessage(), e);
        }
    }

    private ResolvedModel real(ModelEntry entry, DownloadListener listener) {
        Path dir = registry.localDir(entry);
        downloader.download(entry, dir, false, listener);
        return new ResolvedModel(entry, dir, false, null);
    }

    private ResolvedModel demo(ModelEntry entry, String reason, ModelUnavailableException cause) {
        Path demo = registry.demoDir(entry);
        if (!Files.isRegularFile(demo.resolve("config.json"))) {
            throw new ModelUnavailableException(withoutDot(reason) + "; the demo model is missing too (" + demo + ").",
                    cause);
        }
        return new ResolvedModel(entry, demo, true, reason);
    }

    private static String withoutDot(String message) {
        return message == null ? "unknown reason" : message.strip().replaceAll("\\.+$", "");
    }
}
