package app.tarjim.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    private final ModelRegistry registry = ModelRegistry.load(Path.of("models"));

    @Test
    void namesTheDefaultModels() {
        assertThat(registry.translation(TranslationPreset.FAST).repo()).isEqualTo("Xenova/opus-mt-ar-en");
        assertThat(registry.translation(TranslationPreset.QUALITY).repo()).contains("opus-mt-tc-big-ar-en");
        assertThat(registry.summarization().repo()).isEqualTo("Xenova/distilbart-cnn-6-6");
        assertThat(registry.manifest().hubBaseUrl()).isEqualTo("https://huggingface.co");
    }

    @Test
    void everyModelFetchesTheQuantizedExportAndKnowsItsDemo() {
        for (ModelEntry entry : registry.manifest().models()) {
            assertThat(entry.requiredFiles()).extracting(ModelFile::path).contains(
                    "config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json",
                    "special_tokens_map.json", "onnx/encoder_model_quantized.onnx",
                    "onnx/decoder_model_merged_quantized.onnx");
            assertThat(entry.files()).filteredOn(ModelFile::isOptional).extracting(ModelFile::path)
                    .contains("onnx/encoder_model.onnx", "onnx/decoder_model_merged.onnx");
            assertThat(entry.demoFolder()).startsWith("demo/");
        }
    }

    @Test
    void hashesAreRealOrAbsentAndUnpinnedRevisionsAreMarked() {
        for (ModelEntry entry : registry.manifest().models()) {
            assertThat(entry.files()).allSatisfy(file -> {
                if (file.sha256() != null) {
                    assertThat(file.sha256()).matches("[0-9a-f]{64}");
                }
            });
            if (!entry.revisionPinned()) {
                assertThat(entry.revision()).isEqualTo("main");
            } else {
                assertThat(entry.revision()).matches("[0-9a-f]{40}");
            }
        }
    }

    @Test
    void resolvesLocalFoldersAndListsMissingFiles(@TempDir Path modelsDir) throws Exception {
        ModelRegistry local = new ModelRegistry(modelsDir, registry.manifest());
        ModelEntry fast = local.translation(TranslationPreset.FAST);
        Path dir = local.localDir(fast);

        assertThat(dir).isEqualTo(modelsDir.resolve("opus-mt-ar-en"));
        assertThat(local.demoDir(fast)).isEqualTo(modelsDir.resolve("demo/marian-ar-en-demo"));
        assertThat(local.missingFiles(fast)).hasSameSizeAs(fast.requiredFiles());

        for (ModelFile file : fast.requiredFiles()) {
            Files.createDirectories(dir.resolve(file.path()).getParent());
            Files.writeString(dir.resolve(file.path()), "x");
        }
        assertThat(local.missingFiles(fast)).isEmpty();
    }
}
