package app.tarjim.engine;

import java.nio.file.Path;

/**
 * @param name      folder name of the model, e.g. {@code opus-mt-ar-en}
 * @param directory where it was loaded from
 * @param modelType config.json {@code model_type} (marian, bart, ...)
 * @param variant   the ONNX weight variant in use
 */
public record ModelInfo(String name, Path directory, String modelType, ModelVariant variant) {
}
