package app.tarjim.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider on the project's registry, with the demo models published on {@link HubEmulator} as real ones. */
class ModelProviderTest {

    private static final String FAST_REPO = "Xenova/opus-mt-ar-en";
    private static final String SUMMARY_REPO = "Xenova/distilbart-cnn-6-6";

    @TempDir
    Path modelsDir;

    private HubEmulator hub;
    private ModelRegistry registry;

    @BeforeEach
    void setUp() throws IOException {
        hub = new HubEmulator();
        // Carrying no demo models of its own (the build puts them on the classpath), so that a demo missing from
        // the folder is missing.
        registry = new ModelRegistry(modelsDir, ModelRegistry.load(Path.of("models")).manifest(), new ClasspathModels(
                new java.net.URLClassLoader(new java.net.URL[0], null), modelsDir.resolve("cache")));
        for (String demo : new String[] {"demo/marian-ar-en-demo", "demo/bart-summarizer-demo"}) {
            Files.createDirectories(modelsDir.resolve(demo));
            Files.writeString(modelsDir.resolve(demo).resolve("config.json"), "{}");
        }
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private ModelProvider provider(boolean offline) {
        return new ModelProvider(registry, new ModelDownloader(ModelDownloader.defaultHttpClient(),
                new DownloadSettings(hub.hubUrl(), offline, 2, Duration.ZERO, null, OnnxVariant.QUANTIZED)));
    }

    private void publishFastAndSummarizer() {
        hub.publish(FAST_REPO, Path.of("models/demo/marian-ar-en-demo"));
        hub.publish(SUMMARY_REPO, Path.of("models/demo/bart-summarizer-demo"));
    }

    @Test
    void usesRealModelsThatArePresentWithoutAskingTheHub() {
        publishFastAndSummarizer();
        provider(false).resolve(TranslationPreset.FAST, false, DownloadListener.NONE);
        hub.clearRequests();

        ModelResolution resolution = provider(true).resolve(TranslationPreset.FAST, false, DownloadListener.NONE);

        assertThat(resolution.translation().directory()).isEqualTo(modelsDir.resolve("opus-mt-ar-en"));
        assertThat(resolution.demo()).isFalse();
        assertThat(resolution.notice()).isEmpty();
        assertThat(resolution.summarizationModel()).isEmpty();
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void fetchesMissingModelsWhenOnline() {
        publishFastAndSummarizer();

        ModelResolution resolution = provider(false).resolve(TranslationPreset.FAST, true, DownloadListener.NONE);

        assertThat(resolution.demo()).isFalse();
        assertThat(resolution.summarization().directory().resolve("onnx/decoder_model_merged_quantized.onnx")).exists();
        assertThat(ModelLock.read(resolution.translation().directory())).isPresent();
    }

    @Test
    void fallsBackToTheDemoModelsOfflineAndSaysWhy() {
        ModelResolution resolution = provider(true).resolve(TranslationPreset.FAST, true, DownloadListener.NONE);

        assertThat(resolution.demo()).isTrue();
        assertThat(resolution.translation().directory()).isEqualTo(modelsDir.resolve("demo/marian-ar-en-demo"));
        assertThat(resolution.summarization().directory()).isEqualTo(modelsDir.resolve("demo/bart-summarizer-demo"));
        assertThat(resolution.translation().reason()).startsWith("Offline").contains("config.json");
        assertThat(resolution.notice()).hasValueSatisfying(notice -> assertThat(notice)
                .startsWith("Demo models in use: output is illustrative, not a real translation. Offline: the model "
                        + "opus-mt-ar-en"));
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void fallsBackToTheDemoModelsWhenTheDownloadFails() {
        ModelResolution resolution = provider(false).resolve(TranslationPreset.FAST, false, DownloadListener.NONE);

        assertThat(resolution.demo()).isTrue();
        assertThat(resolution.translation().reason()).isEqualTo("The repository " + FAST_REPO + " was not found on "
                + hub.hubUrl() + ": check its name; if it is private or gated, set HF_TOKEN to an access token that "
                + "may read it.");
    }

    @Test
    void theQualityPresetFallsBackToTheFastModelSayingSo() {
        publishFastAndSummarizer();

        ModelResolution resolution = provider(false).resolve(TranslationPreset.QUALITY, false, DownloadListener.NONE);

        assertThat(resolution.demo()).isFalse();
        assertThat(resolution.translation().entry().preset()).isEqualTo(TranslationPreset.FAST);
        assertThat(resolution.translation().directory()).isEqualTo(modelsDir.resolve("opus-mt-ar-en"));
        assertThat(resolution.notice()).hasValueSatisfying(notice -> assertThat(notice)
                .startsWith("The quality translation model is unavailable (The repository "
                        + "Xenova/nllb-200-distilled-600M was not found")
                .endsWith("; the fast model is used instead."));
    }

    @Test
    void theQualityPresetFallsBackToTheDemoWhenTheFastModelIsUnavailableToo() {
        ModelResolution resolution = provider(true).resolve(TranslationPreset.QUALITY, false, DownloadListener.NONE);

        assertThat(resolution.demo()).isTrue();
        assertThat(resolution.translation().reason())
                .startsWith("Neither the quality nor the fast translation model is available (Offline: the model "
                        + "nllb-200-distilled-600M")
                .contains("; Offline: the model opus-mt-ar-en");
    }

    @Test
    void theQualitySummarizerIsFetchedWhenPublished() {
        hub.publish("Xenova/distilbart-cnn-12-6", Path.of("models/demo/bart-summarizer-demo"));

        ResolvedModel summarizer = provider(false).resolveSummarizer(TranslationPreset.QUALITY, DownloadListener.NONE);

        assertThat(summarizer.demo()).isFalse();
        assertThat(summarizer.entry().repo()).isEqualTo("Xenova/distilbart-cnn-12-6");
        assertThat(summarizer.directory()).isEqualTo(modelsDir.resolve("distilbart-cnn-12-6"));
        assertThat(summarizer.reason()).isNull();
    }

    @Test
    void theQualitySummarizerFallsBackToTheStandardOneSayingSoThenToTheDemo() {
        publishFastAndSummarizer();

        ResolvedModel standard = provider(false).resolveSummarizer(TranslationPreset.QUALITY, DownloadListener.NONE);
        assertThat(standard.demo()).isFalse();
        assertThat(standard.entry().repo()).isEqualTo(SUMMARY_REPO);
        assertThat(standard.reason()).startsWith("The quality summary model is unavailable (The repository "
                + "Xenova/distilbart-cnn-12-6 was not found").endsWith("; the standard one is used instead.");

        ResolvedModel demo = new ModelProvider(registry, new ModelDownloader(ModelDownloader.defaultHttpClient(),
                new DownloadSettings(hub.hubUrl(), true, 2, Duration.ZERO, null, OnnxVariant.QUANTIZED)))
                .resolveSummarizer(TranslationPreset.QUALITY, DownloadListener.NONE);
        // offline, and the standard one was fetched above: it stands in; with neither, the demo does
        assertThat(demo.entry().repo()).isEqualTo(SUMMARY_REPO);
        java.nio.file.Path fetched = modelsDir.resolve("distilbart-cnn-6-6");
        deleteTree(fetched);
        ResolvedModel none = provider(true).resolveSummarizer(TranslationPreset.QUALITY, DownloadListener.NONE);
        assertThat(none.demo()).isTrue();
        assertThat(none.directory()).isEqualTo(modelsDir.resolve("demo/bart-summarizer-demo"));
        assertThat(none.reason()).startsWith("Neither the quality nor the standard summary model is available");
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void failsClearlyWhenTheDemoIsMissingToo() throws IOException {
        Files.delete(modelsDir.resolve("demo/marian-ar-en-demo/config.json"));

        assertThatThrownBy(() -> provider(true).resolve(TranslationPreset.FAST, false, DownloadListener.NONE))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("the demo model is missing too");
    }
}
