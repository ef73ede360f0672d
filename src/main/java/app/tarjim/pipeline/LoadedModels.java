package app.tarjim.pipeline;

import app.tarjim.engine.TextGenerator;
import app.tarjim.pipeline.models.GeneratorFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each model folder loaded once for the life of the app: loading an export takes seconds and
 * hundreds of MB, so every request shares the same sessions (they are safe to run concurrently).
 */
public final class LoadedModels implements AutoCloseable {

    private final GeneratorFactory factory;
    private final Map<Path, TextGenerator> loaded = new ConcurrentHashMap<>();

    public LoadedModels(GeneratorFactory factory) {
        this.factory = factory;
    }

    public TextGenerator get(Path directory) {
        return loaded.computeIfAbsent(directory.toAbsolutePath().normalize(), dir -> {
            try {
                return factory.open(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not load the model in " + dir + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void close() {
        loaded.values().forEach(TextGenerator::close);
        loaded.clear();
    }
}
