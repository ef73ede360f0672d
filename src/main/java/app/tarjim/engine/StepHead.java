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

        /** @param bans the per-row bans of {@link LogitsProcessors.StepMasks} (its shared row is {@code mask}) */
        GreedyPicks greedy(NDManager manager, NDArray logits, NDArray mask, LogitsProcessors.StepMasks bans) {
            try (NDArray banIds = banArray(manager, logits, bans, true);
                 NDArray banValues = banArray(manager, logits, bans, false);
                 NDList out = greedy.run(new NDList(named(logits, StepHeadGraph.LOGITS),
                         named(mask, StepHeadGraph.MASK), banIds, banValues))) {
                return new GreedyPicks(out.get(StepHeadGraph.TOKEN).toLongArray(),
                        out.get(StepHeadGraph.LOG_PROB).toFloatArray());
            }
        }

        RowTops beamTops(NDManager manager, NDArray logits, NDArray mask, LogitsProcessors.StepMasks bans,
                         float[] rowScores, int k) {
            try (NDArray banIds = banArray(manager, logits, bans, true);
                 NDArray banValues = banArray(manager, logits, bans, false);
                 NDArray scores = named(manager.create(rowScores, rowShape(logits, rowScores.length, 1)),
                         StepHeadGraph.ROW_SCORES);
                 NDArray count = named(manager.create(new long[] {k}, new Shape(1)), StepHeadGraph.K);
                 NDList out = beam.run(new NDList(named(logits, StepHeadGraph.LOGITS),
                         named(mask, StepHeadGraph.MASK), banIds, banValues, scores, count))) {
                return new RowTops(out.get(StepHeadGraph.VALUES).toFloatArray(),
                        out.get(StepHeadGraph.INDICES).toLongArray(), k);
            }
        }

        /** [rows, width], or [rows, 1, width] for [rows, 1, vocab] logits: ScatterElements wants equal ranks. */
        private static Shape rowShape(NDArray logits, int rows, int width) {
            long[] shape = new long[logits.getShape().dimension()];
            Arrays.fill(shape, 1);
            shape[0] = rows;
            shape[shape.length - 1] = width;
            return new Shape(shape);
        }

        private static NDArray banArray(NDManager manager, NDArray logits, LogitsProcessors.StepMasks bans,
                                        boolean ids) {
            int rows = (int) logits.getShape().get(0);
            Shape shape = rowShape(logits, rows, bans.banWidth());
            return ids ? named(manager.create(bans.banIds(), shape), StepHeadGraph.BAN_IDS)
                    : named(manager.create(bans.banValues(), shape), StepHeadGraph.BAN_VALUES);
        }

        private static NDArray named(NDArray array, String name) {
            array.setName(name);
            return array;
        }

        @Override
        public void close() {
            greedy.close();
            beam.close();
        }
    }
}
