package app.tarjim.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelProviderTest {

    @TempDir
    Path modelsDir;

    private FakeHub hub;
    private ModelRegistry registry;

    @BeforeEach
    void setUp() throws IOException {
        hub = new FakeHub();
        registry = new ModelRegistry(modelsDir, new ModelManifest(null, hub.baseUrl().toString(), List.of(
                entry("translation-fast", ModelTask.TRANSLATION, TranslationPreset.FAST, "opus-mt-ar-en",
                        "Xenova/opus-mt-ar-en", "demo/marian-ar-en-demo"),
                entry("summarization", ModelTask.SUMMARIZATION, null, "distilbart-cnn-6-6",
                        "Xenova/distilbart-cnn-6-6", "demo/bart-summarizer-demo"))));
        for (String demo : new String[] {"demo/marian-ar-en-demo", "demo/bart-summarizer-demo"}) {
            Files.createDirectories(modelsDir.resolve(demo));
            Files.writeString(modelsDir.resolve(demo).resolve("config.json"), "{}");
        }
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private static ModelEntry entry(String id, ModelTask task, TranslationPreset preset, String folder, String repo,
                                    String demo) {
        return new ModelEntry(id, task, preset, folder, repo, "main", false, demo, null,
                List.of(ModelFile.required("config.json", null)));
    }

    private ModelProvider provider(boolean offline) {
        return new ModelProvider(registry, new ModelDownloader(ModelDownloader.defaultHttpClient(),
                new DownloadSettings(hub.baseUrl(), offline, 2, Duration.ZERO)));
    }

    @Test
    void usesRealModelsThatArePresent() throws IOException {
        Files.createDirectories(modelsDir.resolve("opus-mt-ar-en"));
        Files.writeString(modelsDir.resolve("opus-mt-ar-en/config.json"), "{}");

        ModelResolution resolution = provider(true).resolve(TranslationPreset.FAST, false, DownloadListener.NONE);

        assertThat(resolution.translation().directory()).isEqualTo(modelsDir.resolve("opus-mt-ar-en"));
        assertThat(resolution.demo()).isFalse();
        assertThat(resolution.notice()).isEmpty();
        assertThat(resolution.summarizationModel()).isEmpty();
    }

    @Test
    void fetchesMissingModelsWhenOnline() {
        hub.put("Xenova/opus-mt-ar-en", "config.json", "{}".getBytes());
        hub.put("Xenova/distilbart-cnn-6-6", "config.json", "{}".getBytes());

        ModelResolution resolution = provider(false).resolve(TranslationPreset.FAST, true, DownloadListener.NONE);

        assertThat(resolution.demo()).isFalse();
        assertThat(resolution.summarization().directory().resolve("config.json")).exists();
    }

    @Test
    void fallsBackToTheDemoModelsOfflineAndSaysSo() {
        ModelResolution resolution = provider(true).resolve(TranslationPreset.FAST, true, DownloadListener.NONE);

        assertThat(resolution.demo()).isTrue();
        assertThat(resolution.notice()).contains("Demo models in use: output is illustrative, not a real translation.");
        assertThat(resolution.translation().directory()).isEqualTo(modelsDir.resolve("demo/marian-ar-en-demo"));
        assertThat(resolution.summarization().directory()).isEqualTo(modelsDir.resolve("demo/bart-summarizer-demo"));
        assertThat(resolution.translation().reason()).contains("Offline").contains("config.json");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void fallsBackToTheDemoModelsWhenTheDownloadFails() {
        ModelResolution resolution = provider(false).resolve(TranslationPreset.FAST, false, DownloadListener.NONE);

        assertThat(resolution.demo()).isTrue();
        assertThat(resolution.translation().reason()).contains("HTTP 404");
    }

    @Test
    void failsClearlyWhenTheDemoIsMissingToo() throws IOException {
        Files.delete(modelsDir.resolve("demo/marian-ar-en-demo/config.json"));

        assertThatThrownBy(() -> provider(true).resolve(TranslationPreset.FAST, false, DownloadListener.NONE))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("demo model is missing too");
    }
}
