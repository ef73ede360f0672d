package app.tarjim.pipeline.models;

import app.tarjim.engine.TextGenerator;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a model folder as a {@link TextGenerator}; the engine's loader in production, a double in tests. */
@FunctionalInterface
public interface GeneratorFactory {
    TextGenerator open(Path modelDirectory) throws IOException;
}
