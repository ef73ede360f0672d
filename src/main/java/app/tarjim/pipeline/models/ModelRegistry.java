package app.tarjim.pipeline.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The models Tarjim knows, read from {@code <modelsDir>/registry.json}, and where they live on disk. */
public final class ModelRegistry {

    public static final String MANIFEST_FILE = "registry.json";

    private final Path modelsDir;
    private final ModelManifest manifest;

    public ModelRegistry(Path modelsDir, ModelManifest manifest) {
        this.modelsDir = modelsDir;
        this.manifest = manifest;
    }

    public static ModelRegistry load(Path modelsDir) {
        Path file = modelsDir.resolve(MANIFEST_FILE);
        try {
            return new ModelRegistry(modelsDir, new ObjectMapper().readValue(file.toFile(), ModelManifest.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model registry " + file + ": " + e.getMessage(), e);
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public Path modelsDir() {
        return modelsDir;
    }

    public ModelEntry translation(TranslationPreset preset) {
        return manifest.models().stream()
                .filter(entry -> entry.task() == ModelTask.TRANSLATION && entry.preset() == preset)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The model registry names no " + preset.label() + " translation model"));
    }

    public ModelEntry summarization() {
        return manifest.models().stream()
                .filter(entry -> entry.task() == ModelTask.SUMMARIZATION)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The model registry names no summarization model"));
    }

    public Path localDir(ModelEntry entry) {
        return modelsDir.resolve(entry.folder());
    }

    public Path demoDir(ModelEntry entry) {
        return modelsDir.resolve(entry.demoFolder());
    }

    /** Required files not yet in the model's folder; empty when the model is ready to load. */
    public List<ModelFile> missingFiles(ModelEntry entry) {
        Path dir = localDir(entry);
        return entry.requiredFiles().stream().filter(file -> !Files.isRegularFile(dir.resolve(file.path()))).toList();
    }
}
