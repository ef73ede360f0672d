package app.tarjim.engine;

/**
 * Time spent inside ONNX Runtime since the model was loaded (or the stats reset).
 *
 * @param onnxNanos wall time inside predictor calls, summed over threads
 * @param onnxCalls number of predictor calls
 */
public record EngineStats(long onnxNanos, long onnxCalls) {
}
