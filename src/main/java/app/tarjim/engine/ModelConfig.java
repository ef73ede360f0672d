package app.tarjim.engine;

/**
 * What the engine needs from config.json, plus the generation defaults.
 *
 * @param maxPositionEmbeddings longest input in tokens; {@link Integer#MAX_VALUE} for relative-position models
 * @param decoderLayers         number of decoder layers (past key/value pairs per step)
 * @param decoderHeads          attention heads, used when the ONNX inputs do not fix the cache shape
 * @param headDim               size of one head, likewise
 */
public record ModelConfig(String modelType, int vocabSize, int maxPositionEmbeddings, int decoderLayers,
                          int decoderHeads, int headDim, GenerationConfig generationDefaults) {
}
