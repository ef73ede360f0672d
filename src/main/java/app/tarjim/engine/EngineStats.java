package app.tarjim.engine;

/**
 * Time spent by a model since it was loaded (or its stats reset), summed over threads.
 *
 * @param onnxNanos wall time inside ONNX Runtime predictor calls
 * @param onnxCalls number of predictor calls
 * @param copyNanos time copying tensors between native and Java memory outside those calls: reading logits
 *                  back and gathering cache rows for beam reordering or finished inputs
 */
public record EngineStats(long onnxNanos, long onnxCalls, long copyNanos) {
}
