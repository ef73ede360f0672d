package app.tarjim.pipeline.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    private final ModelRegistry registry = ModelRegistry.load(Path.of("models"));

    @Test
    void namesTheDefaultModels() {
        assertThat(registry.translation(TranslationPreset.FAST).repo()).isEqualTo("Xenova/opus-mt-ar-en");
        assertThat(registry.translation(TranslationPreset.QUALITY).repo()).isEqualTo("Xenova/nllb-200-distilled-600M");
        assertThat(registry.summarization().repo()).isEqualTo("Xenova/distilbart-cnn-6-6");
        assertThat(registry.summarization(TranslationPreset.FAST).repo()).isEqualTo("Xenova/distilbart-cnn-6-6");
        assertThat(registry.summarization(TranslationPreset.QUALITY).repo()).isEqualTo("Xenova/distilbart-cnn-12-6");
        assertThat(registry.manifest().hubBaseUrl()).isEqualTo("https://huggingface.co");
    }

    @Test
    void theNonCommercialQualityTranslationIsOptInAndSaysItsLicence() {
        ModelEntry quality = registry.translation(TranslationPreset.QUALITY);
        assertThat(quality.licence()).isEqualTo("CC-BY-NC-4.0");
        assertThat(quality.nonCommercial()).isTrue();
        assertThat(quality.optIn()).isTrue();
        assertThat(quality.licenceText()).isEqualTo("CC-BY-NC-4.0, non-commercial use only");
        assertThat(quality.files()).extracting(ModelFile::path).contains("sentencepiece.bpe.model");
        assertThat(quality.requiredFiles()).extracting(ModelFile::path).doesNotContain("sentencepiece.bpe.model");
        ModelEntry fast = registry.translation(TranslationPreset.FAST);
        assertThat(fast.optIn()).isFalse();
        assertThat(fast.nonCommercial()).isFalse();
        assertThat(registry.summarization().optIn()).isFalse();
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
        // Carrying no demo models of its own, so that the folder's (missing) demo is what it names.
        ModelRegistry local = new ModelRegistry(modelsDir, registry.manifest(), new ClasspathModels(
                new java.net.URLClassLoader(new java.net.URL[0], null), modelsDir.resolve("cache")));
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

    /** A jar holding models/registry.json and the demo Marian model, as the application jar would. */
    private static Path jarWithModels(Path dir) throws IOException {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "models/registry.json", Path.of("models/registry.json"));
            Path demo = Path.of("models/demo/marian-ar-en-demo");
            try (Stream<Path> files = Files.walk(demo)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    add(out, "models/demo/marian-ar-en-demo/" + demo.relativize(file).toString().replace('\\', '/'), file);
                }
            }
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new JarEntry(name));
        Files.copy(file, (OutputStream) out);
        out.closeEntry();
    }

    @Test
    void withoutARegistryInTheModelsFolderTheCarriedOneIsUsedAndDemoModelsAreExtracted(@TempDir Path tmp)
            throws IOException {
        Path jar = jarWithModels(tmp);
        Path modelsDir = tmp.resolve("elsewhere/models");
        Path cache = tmp.resolve("data/model-cache");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ModelRegistry carried = ModelRegistry.load(modelsDir, new ClasspathModels(loader, cache));

            assertThat(carried.manifest()).isEqualTo(registry.manifest());
            assertThat(carried.localDir(carried.translation(TranslationPreset.FAST)))
                    .isEqualTo(modelsDir.resolve("opus-mt-ar-en"));
            Path demo = carried.demoDir(carried.translation(TranslationPreset.FAST));
            assertThat(demo).isEqualTo(cache.resolve("demo/marian-ar-en-demo"));
            for (String path : new String[] {"config.json", "tokenizer.json", "onnx/encoder_model_quantized.onnx"}) {
                assertThat(demo.resolve(path)).hasSameBinaryContentAs(Path.of("models/demo/marian-ar-en-demo", path));
            }
            assertThat(carried.demoDir(carried.translation(TranslationPreset.QUALITY))).isEqualTo(demo);
            assertThat(carried.demoDir(carried.summarization())).as("not carried in this jar")
                    .isEqualTo(modelsDir.resolve("demo/bart-summarizer-demo"));
        }
    }

    @Test
    void aDemoModelInTheModelsFolderWinsOverTheCarriedOne(@TempDir Path tmp) throws IOException {
        Path modelsDir = tmp.resolve("models");
        Files.createDirectories(modelsDir.resolve("demo/marian-ar-en-demo"));
        Files.writeString(modelsDir.resolve("demo/marian-ar-en-demo/config.json"), "{}");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarWithModels(tmp).toUri().toURL()}, null)) {
            ModelRegistry carried = ModelRegistry.load(modelsDir, new ClasspathModels(loader, tmp.resolve("cache")));

            assertThat(carried.demoDir(carried.translation(TranslationPreset.FAST)))
                    .isEqualTo(modelsDir.resolve("demo/marian-ar-en-demo"));
            assertThat(tmp.resolve("cache")).doesNotExist();
        }
    }

    @Test
    void unusableRegistriesAndFoldersAreOnePlainSentence(@TempDir Path tmp) throws IOException {
        ClasspathModels nothingCarried = new ClasspathModels(new URLClassLoader(new URL[0], null), tmp.resolve("c"));

        assertThatThrownBy(() -> ModelRegistry.load(tmp.resolve("none"), nothingCarried))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessage("No model registry: " + tmp.resolve("none/registry.json") + " does not exist and the "
                        + "application carries none; set --models-dir or TARJIM_MODELS_DIR to the folder holding "
                        + "registry.json.");

        Files.writeString(tmp.resolve("registry.json"), "{\"models\": [ {\"id\": ");
        assertThatThrownBy(() -> ModelRegistry.load(tmp, nothingCarried))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageStartingWith("The model registry " + tmp.resolve("registry.json") + " is not valid at line 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("com.fasterxml"));

        Path file = tmp.resolve("models-file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> ModelRegistry.load(file, nothingCarried))
                .hasMessage("The models folder " + file + " is a file, not a folder: set --models-dir or "
                        + "TARJIM_MODELS_DIR to a folder.");
    }
}
