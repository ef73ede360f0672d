package app.tarjim.engine;

/**
 * Time spent by a model since it was loaded (or its stats reset), summed over threads.
 *
 * @param onnxNanos wall time inside ONNX Runtime runs of the model's own graphs (encoder, decoder)
 * @param onnxCalls number of those runs
 * @param copyNanos time moving tensors outside those runs: reading logits back into Java, and gathering cache
 *                  rows for beam reordering or finished inputs (ONNX Runtime runs of a small Gather graph)
 * @param headNanos wall time inside ONNX Runtime runs of the step head graphs, which reduce a step's logits to
 *                  the chosen tokens or each row's best candidates (see {@code StepHeadGraph})
 */
public record EngineStats(long onnxNanos, long onnxCalls, long copyNanos, long headNanos) {
}
