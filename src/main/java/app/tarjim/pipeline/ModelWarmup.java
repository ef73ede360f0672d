package app.tarjim.pipeline;

import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.TextGenerator;
import app.tarjim.pipeline.models.ModelResolution;
import app.tarjim.pipeline.models.ResolvedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Loads the default models as soon as they are known and runs one short generation with each, so that the
 * first user's first sentence pays neither for reading hundreds of MB of weights nor for the first, slow
 * (unoptimised, JIT-cold) runs of the loop. Failures are logged, not thrown: the article that follows tries
 * again and reports the problem where the user sees it.
 */
public final class ModelWarmup {

    private static final Logger log = LoggerFactory.getLogger(ModelWarmup.class);
    /** A short Arabic sentence in the demo models' vocabulary too ("the opposition rejects the pressures"). */
    static final String SAMPLE = "المعارضة ترفض الضغوط.";
    private static final GenerationConfig SHORT = GenerationConfig.builder().maxNewTokens(8).build();

    private final LoadedModels loaded;

    public ModelWarmup(LoadedModels loaded) {
        this.loaded = loaded;
    }

    /** Loads and exercises the resolution's models; returns how long it took, or empty when it failed. */
    public Optional<Long> warm(ModelResolution resolution) {
        long start = System.nanoTime();
        try {
            exercise(resolution.translation());
            resolution.summarizationModel().ifPresent(this::exercise);
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("Models loaded and warmed up in {} ms", millis);
            return Optional.of(millis);
        } catch (RuntimeException e) {
            log.warn("Warming up the models failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private void exercise(ResolvedModel model) {
        TextGenerator generator = loaded.get(model.directory());
        generator.generate(List.of(SAMPLE), SHORT);
    }
}
