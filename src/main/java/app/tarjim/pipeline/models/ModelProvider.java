package app.tarjim.pipeline.models;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides which model folders to load: the real model when its files are present or can be fetched,
 * otherwise the demo model named in the registry, flagged so that users are told.
 */
public final class ModelProvider {

    private final ModelRegistry registry;
    private final ModelDownloader downloader;

    public ModelProvider(ModelRegistry registry, ModelDownloader downloader) {
        this.registry = registry;
        this.downloader = downloader;
    }

    /**
     * @throws ModelUnavailableException when neither the real model nor its demo is available
     */
    public ModelResolution resolve(TranslationPreset preset, boolean withSummarizer, DownloadListener listener) {
        ResolvedModel translation = resolve(registry.translation(preset), listener);
        ResolvedModel summarization = withSummarizer ? resolve(registry.summarization(), listener) : null;
        return new ModelResolution(translation, summarization);
    }

    private ResolvedModel resolve(ModelEntry entry, DownloadListener listener) {
        Path dir = registry.localDir(entry);
        if (registry.missingFiles(entry).isEmpty()) {
            return new ResolvedModel(entry, dir, false, null);
        }
        try {
            downloader.download(entry, dir, false, listener);
            return new ResolvedModel(entry, dir, false, null);
        } catch (ModelUnavailableException e) {
            Path demo = registry.demoDir(entry);
            if (!Files.isRegularFile(demo.resolve("config.json"))) {
                throw new ModelUnavailableException(e.getMessage() + " The demo model is missing too (" + demo + ").", e);
            }
            return new ResolvedModel(entry, demo, true, e.getMessage());
        }
    }
}
