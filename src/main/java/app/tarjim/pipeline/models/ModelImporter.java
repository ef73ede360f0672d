package app.tarjim.pipeline.models;

import app.tarjim.engine.GeneratedSequence;
import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.TextGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Registers a model exported elsewhere (Optimum / transformers.js layout) as one of the registry's roles: checks
 * the folder's files and config, loads it (the engine checks tokenizer.json before its native tokenizer sees it)
 * and runs one short generation, then copies the files it needs into the role's folder with a lock.
 */
public final class ModelImporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARABIC_SAMPLE = "وافق المجلس على الميزانية الجديدة.";
    private static final String ENGLISH_SAMPLE = "The council approved the new budget on Tuesday after a long debate.";

    private final ModelRegistry registry;
    private final GeneratorFactory generators;
    private final FileSelector selector = new FileSelector();

    public ModelImporter(ModelRegistry registry, GeneratorFactory generators) {
        this.registry = registry;
        this.generators = generators;
    }

    /**
     * @return the lock written in the role's folder
     * @throws ModelUnavailableException naming what is wrong with the folder
     */
    public ModelLock importFolder(Path source, ModelEntry entry) {
        if (!Files.isDirectory(source)) {
            throw new ModelUnavailableException("The folder " + source + " does not exist.");
        }
        checkConfig(source);
        FilePlan plan = selector.select(entry, localListing(source), OnnxVariant.QUANTIZED, false,
                "The folder " + source);
        if (plan.files().stream().noneMatch(file -> file.path().equals("tokenizer.json"))) {
            throw new ModelUnavailableException("The folder " + source + " has no tokenizer.json.");
        }
        trialGeneration(source, entry);
        try {
            return install(source, entry, plan);
        } catch (IOException e) {
            throw new ModelUnavailableException("Cannot copy the model into " + registry.localDir(entry) + ": "
                    + e.getMessage() + ".", e);
        }
    }

    private static void checkConfig(Path source) {
        Path config = source.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            throw new ModelUnavailableException("The folder " + source + " has no config.json.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(config.toFile());
        } catch (IOException e) {
            throw new ModelUnavailableException(config + " is not valid JSON.");
        }
        if (root == null || !root.path("model_type").isTextual() || !root.path("is_encoder_decoder").asBoolean(true)) {
            throw new ModelUnavailableException(config + " does not describe an encoder-decoder model (model_type "
                    + "missing or is_encoder_decoder false).");
        }
    }

    private void trialGeneration(Path source, ModelEntry entry) {
        String sample = entry.task() == ModelTask.TRANSLATION ? ARABIC_SAMPLE : ENGLISH_SAMPLE;
        List<List<GeneratedSequence>> outputs;
        try (TextGenerator generator = generators.open(source)) {
            outputs = generator.generate(List.of(sample),
                    GenerationConfig.builder().numBeams(1).maxNewTokens(16).build(), () -> false);
        } catch (IOException | RuntimeException e) {
            throw new ModelUnavailableException("The model in " + source + " does not run: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip()), e);
        }
        if (outputs.isEmpty() || outputs.get(0).isEmpty()) {
            throw new ModelUnavailableException("The model in " + source + " generated nothing for a trial sentence.");
        }
    }

    /** Copies into a staging folder first, so a failed copy leaves the role's old folder as it was. */
    private ModelLock install(Path source, ModelEntry entry, FilePlan plan) throws IOException {
        Path target = registry.localDir(entry);
        Path staging = target.resolveSibling(target.getFileName() + ".importing");
        deleteTree(staging);
        List<ModelLock.LockedFile> files = new ArrayList<>();
        for (PlannedFile file : plan.files()) {
            Path to = staging.resolve(file.path());
            Files.createDirectories(to.getParent());
            Files.copy(source.resolve(file.path()), to, StandardCopyOption.COPY_ATTRIBUTES);
            FileDigests digests = FileDigests.of(to);
            files.add(new ModelLock.LockedFile(file.path(), digests.size(), digests.sha256()));
        }
        ModelLock lock = new ModelLock(ModelLock.SOURCE_IMPORT, entry.repo(), ModelLock.SOURCE_IMPORT, null,
                plan.variant().label(), files);
        lock.write(staging);
        deleteTree(target);
        Files.move(staging, target);
        return lock;
    }

    private static HubRepoInfo localListing(Path source) {
        try (Stream<Path> walk = Files.walk(source)) {
            List<HubRepoInfo.Sibling> siblings = walk.filter(Files::isRegularFile)
                    .map(path -> new HubRepoInfo.Sibling(source.relativize(path).toString().replace('\\', '/'),
                            size(path), null, null))
                    .toList();
            return new HubRepoInfo(source.toString(), null, siblings);
        } catch (IOException e) {
            throw new ModelUnavailableException("Cannot read the folder " + source + ": " + e.getMessage() + ".", e);
        }
    }

    private static Long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return null;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
