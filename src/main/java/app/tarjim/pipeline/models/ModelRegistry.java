package app.tarjim.pipeline.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The models Tarjim knows, read from {@code <modelsDir>/registry.json} or, when that file is missing, from the
 * registry the application carries; and where they live on disk. Demo models come from the models folder, else
 * from those the application carries.
 */
public final class ModelRegistry {

    public static final String MANIFEST_FILE = "registry.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path modelsDir;
    private final ModelManifest manifest;
    private final ClasspathModels carried;

    public ModelRegistry(Path modelsDir, ModelManifest manifest) {
        this(modelsDir, manifest, new ClasspathModels(ModelRegistry.class.getClassLoader(),
                ClasspathModels.defaultCacheDir()));
    }

    public ModelRegistry(Path modelsDir, ModelManifest manifest, ClasspathModels carried) {
        this.modelsDir = modelsDir;
        this.manifest = manifest;
        this.carried = carried;
    }

    /** @throws ModelUnavailableException one sentence, when no usable registry is found */
    public static ModelRegistry load(Path modelsDir) {
        return load(modelsDir, ClasspathModels.defaultCacheDir());
    }

    /** @param cacheDir where carried demo models are extracted, e.g. under the data folder */
    public static ModelRegistry load(Path modelsDir, Path cacheDir) {
        return load(modelsDir, new ClasspathModels(ModelRegistry.class.getClassLoader(), cacheDir));
    }

    public static ModelRegistry load(Path modelsDir, ClasspathModels carried) {
        if (Files.exists(modelsDir) && !Files.isDirectory(modelsDir)) {
            throw new ModelUnavailableException("The models folder " + modelsDir.toAbsolutePath()
                    + " is a file, not a folder: set --models-dir or TARJIM_MODELS_DIR to a folder.");
        }
        Path file = modelsDir.resolve(MANIFEST_FILE);
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return new ModelRegistry(modelsDir, parse(in, file.toAbsolutePath().toString()), carried);
            } catch (IOException e) {
                throw new ModelUnavailableException("Cannot read the model registry " + file.toAbsolutePath() + " ("
                        + e.getMessage() + ").", e);
            }
        }
        Optional<InputStream> bundled = carried.registry();
        if (bundled.isPresent()) {
            try (InputStream in = bundled.get()) {
                return new ModelRegistry(modelsDir, parse(in, "the application's own registry"), carried);
            } catch (IOException e) {
                throw new ModelUnavailableException("Cannot read the application's own model registry ("
                        + e.getMessage() + ").", e);
            }
        }
        throw new ModelUnavailableException("No model registry: " + file.toAbsolutePath() + " does not exist and the "
                + "application carries none; set --models-dir or TARJIM_MODELS_DIR to the folder holding registry.json.");
    }

    private static ModelManifest parse(InputStream in, String name) throws IOException {
        ModelManifest manifest;
        try {
            manifest = JSON.readValue(in, ModelManifest.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ModelUnavailableException("The model registry " + name + " is not valid" + where + ": "
                    + firstLine(e.getOriginalMessage()) + ".");
        }
        if (manifest == null || manifest.models().isEmpty()) {
            throw new ModelUnavailableException("The model registry " + name + " names no models.");
        }
        return manifest;
    }

    private static String firstLine(String message) {
        String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return line.strip().replaceAll("\\.+$", "");
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
                .orElseThrow(() -> new ModelUnavailableException("The model registry names no " + preset.label()
                        + " translation model."));
    }

    public ModelEntry summarization() {
        return manifest.models().stream()
                .filter(entry -> entry.task() == ModelTask.SUMMARIZATION)
                .findFirst()
                .orElseThrow(() -> new ModelUnavailableException("The model registry names no summarization model."));
    }

    /**
     * The summarization model of a quality level: {@code QUALITY} is the entry marked {@code "preset": "quality"}
     * (distilbart-cnn-12-6), {@code FAST} the first other one (distilbart-cnn-6-6, what {@link #summarization()}
     * gives).
     */
    public ModelEntry summarization(TranslationPreset quality) {
        if (quality != TranslationPreset.QUALITY) {
            return manifest.models().stream()
                    .filter(entry -> entry.task() == ModelTask.SUMMARIZATION && entry.preset() != TranslationPreset.QUALITY)
                    .findFirst()
                    .orElseGet(this::summarization);
        }
        return manifest.models().stream()
                .filter(entry -> entry.task() == ModelTask.SUMMARIZATION && entry.preset() == TranslationPreset.QUALITY)
                .findFirst()
                .orElseThrow(() -> new ModelUnavailableException("The model registry names no quality summarization "
                        + "model."));
    }

    public Path localDir(ModelEntry entry) {
        return modelsDir.resolve(entry.folder());
    }

    /** The demo model's folder: in the models folder when it is there, else the one the application carries. */
    public Path demoDir(ModelEntry entry) {
        Path local = modelsDir.resolve(entry.demoFolder());
        if (Files.isRegularFile(local.resolve("config.json"))) {
            return local;
        }
        return carried.folder(entry.demoFolder()).orElse(local);
    }

    /** Required files not yet in the model's folder; empty when the model is ready to load. */
    public List<ModelFile> missingFiles(ModelEntry entry) {
        Path dir = localDir(entry);
        return entry.requiredFiles().stream().filter(file -> !Files.isRegularFile(dir.resolve(file.path()))).toList();
    }
}
