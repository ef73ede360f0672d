package app.tarjim.engine;

/**
 * Time spent by a model since it was loaded (or its stats reset), summed over threads.
 *
 * @param onnxNanos wall time inside ONNX Runtime runs of the model's own graphs (encoder, decoder)
 * @param onnxCalls number of those runs
 * @param copyNanos time reading logits back into Java memory (steps not reduced by the head graphs)
 * @param gatherNanos wall time inside ONNX Runtime runs of the Gather graph that reorders or drops cache and
 *                  encoder rows (beam reordering, finished inputs)
 * @param headNanos wall time inside ONNX Runtime runs of the step head graphs, which reduce a step's logits to
 *                  the chosen tokens or each row's best candidates (see {@code StepHeadGraph})
 */
public record EngineStats(long onnxNanos, long onnxCalls, long copyNanos, long gatherNanos, long headNanos) {
}
