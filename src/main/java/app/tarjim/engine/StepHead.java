package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The step head graphs of {@link StepHeadGraph}, loaded once per model; float32 logits only. */
final class StepHead implements AutoCloseable {

    private final OnnxSession greedy;
    private final OnnxSession beam;

    StepHead(Path scratchDir, ModelOptions options, EngineCounters counters) {
        greedy = open(scratchDir.resolve("greedy_head.onnx"), StepHeadGraph.greedy(), options, counters);
        try {
            beam = open(scratchDir.resolve("beam_head.onnx"), StepHeadGraph.beamTops(), options, counters);
        } catch (RuntimeException e) {
            greedy.close();
            throw e;
        }
    }

    private static OnnxSession open(Path file, byte[] graph, ModelOptions options, EngineCounters counters) {
        try {
            Files.write(file, graph);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return OnnxSession.open(file, options, counters.headNanos, counters.headCalls);
    }

    Runners newRunners() {
        return new Runners(greedy.newRunner(), beam.newRunner());
    }

    @Override
    public void close() {
        greedy.close();
        beam.close();
    }

    /** Chosen token and its log-probability per row. */
    record GreedyPicks(long[] tokens, float[] logProbs) {
    }

    /** Each row's best {@code k} scores, descending, and their vocabulary ids, row-major [rows, k]. */
    record RowTops(float[] values, long[] indices, int k) {
    }

    /** Per-call runners; the inputs stay owned by the caller. */
    record Runners(OnnxSession.Runner greedy, OnnxSession.Runner beam) implements AutoCloseable {

        GreedyPicks greedy(NDArray logits, NDArray mask) {
            try (NDList out = greedy.run(named(logits, mask))) {
                return new GreedyPicks(out.get(StepHeadGraph.TOKEN).toLongArray(),
                        out.get(StepHeadGraph.LOG_PROB).toFloatArray());
            }
        }

        RowTops beamTops(NDManager manager, NDArray logits, NDArray mask, float[] rowScores, int k) {
            Shape shape = logits.getShape();
            long[] scoreShape = new long[shape.dimension()];
            Arrays.fill(scoreShape, 1);
            scoreShape[0] = rowScores.length;
            try (NDArray scores = manager.create(rowScores, new Shape(scoreShape));
                 NDArray count = manager.create(new long[] {k}, new Shape(1))) {
                scores.setName(StepHeadGraph.ROW_SCORES);
                count.setName(StepHeadGraph.K);
                NDList inputs = named(logits, mask);
                inputs.add(scores);
                inputs.add(count);
                try (NDList out = beam.run(inputs)) {
                    return new RowTops(out.get(StepHeadGraph.VALUES).toFloatArray(),
                            out.get(StepHeadGraph.INDICES).toLongArray(), k);
                }
            }
        }

        private static NDList named(NDArray logits, NDArray mask) {
            logits.setName(StepHeadGraph.LOGITS);
            mask.setName(StepHeadGraph.MASK);
            return new NDList(logits, mask);
        }

        @Override
        public void close() {
            greedy.close();
            beam.close();
        }
    }
}
