package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The step head graphs of {@link StepHeadGraph}, loaded once per model; float32 logits only. */
final class StepHead implements AutoCloseable {

    /** Greedy and beam graphs, without and with the row bans. */
    private final List<OnnxSession> sessions = new ArrayList<>();

    StepHead(Path scratchDir, ModelOptions options, EngineCounters counters) {
        try {
            for (boolean bans : new boolean[] {false, true}) {
                String suffix = bans ? "_bans" : "";
                sessions.add(open(scratchDir.resolve("greedy_head" + suffix + ".onnx"), StepHeadGraph.greedy(bans),
                        options, counters));
                sessions.add(open(scratchDir.resolve("beam_head" + suffix + ".onnx"), StepHeadGraph.beamTops(bans),
                        options, counters));
            }
        } catch (RuntimeException e) {
            close();
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
        return new Runners(sessions.get(0).newRunner(), sessions.get(1).newRunner(), sessions.get(2).newRunner(),
                sessions.get(3).newRunner());
    }

    @Override
    public void close() {
        sessions.forEach(OnnxSession::close);
    }

    /** Chosen token and its log-probability per row. */
    record GreedyPicks(long[] tokens, float[] logProbs) {
    }

    /** Each row's best {@code k} scores, descending, and their vocabulary ids, row-major [rows, k]. */
    record RowTops(float[] values, long[] indices, int k) {
    }

    /** Per-call runners; the inputs stay owned by the caller. */
    record Runners(OnnxSession.Runner greedy, OnnxSession.Runner beam, OnnxSession.Runner greedyBans,
                   OnnxSession.Runner beamBans) implements AutoCloseable {

        /** @param bans the per-row bans of {@link LogitsProcessors.StepMasks} (its shared row is {@code mask}) */
        GreedyPicks greedy(NDManager manager, NDArray logits, NDArray mask, LogitsProcessors.StepMasks bans) {
            NDList inputs = new NDList(named(logits, StepHeadGraph.LOGITS), named(mask, StepHeadGraph.MASK));
            try (NDList banArrays = banArrays(manager, logits, bans, inputs);
                 NDList out = (bans.banWidth() > 0 ? greedyBans : greedy).run(inputs)) {
                return new GreedyPicks(out.get(StepHeadGraph.TOKEN).toLongArray(),
                        out.get(StepHeadGraph.LOG_PROB).toFloatArray());
            }
        }

        RowTops beamTops(NDManager manager, NDArray logits, NDArray mask, LogitsProcessors.StepMasks bans,
                         float[] rowScores, int k) {
            NDList inputs = new NDList(named(logits, StepHeadGraph.LOGITS), named(mask, StepHeadGraph.MASK));
            try (NDList banArrays = banArrays(manager, logits, bans, inputs);
                 NDArray scores = named(manager.create(rowScores, rowShape(logits, rowScores.length, 1)),
                         StepHeadGraph.ROW_SCORES);
                 NDArray count = named(manager.create(new long[] {k}, new Shape(1)), StepHeadGraph.K)) {
                inputs.add(scores);
                inputs.add(count);
                try (NDList out = (bans.banWidth() > 0 ? beamBans : beam).run(inputs)) {
                    return new RowTops(out.get(StepHeadGraph.VALUES).toFloatArray(),
                            out.get(StepHeadGraph.INDICES).toLongArray(), k);
                }
            }
        }

        /** The row-ban inputs, added to {@code inputs} and returned for closing; none when no row bans anything. */
        private static NDList banArrays(NDManager manager, NDArray logits, LogitsProcessors.StepMasks bans,
                                        NDList inputs) {
            NDList arrays = new NDList();
            if (bans.banWidth() > 0) {
                Shape shape = rowShape(logits, (int) logits.getShape().get(0), bans.banWidth());
                arrays.add(named(manager.create(bans.banIds(), shape), StepHeadGraph.BAN_IDS));
                arrays.add(named(manager.create(bans.banValues(), shape), StepHeadGraph.BAN_VALUES));
                inputs.addAll(arrays);
            }
            return arrays;
        }

        /** [rows, width], or [rows, 1, width] for [rows, 1, vocab] logits: ScatterElements wants equal ranks. */
        private static Shape rowShape(NDArray logits, int rows, int width) {
            long[] shape = new long[logits.getShape().dimension()];
            Arrays.fill(shape, 1);
            shape[0] = rows;
            shape[shape.length - 1] = width;
            return new Shape(shape);
        }

        private static NDArray named(NDArray array, String name) {
            array.setName(name);
            return array;
        }

        @Override
        public void close() {
            greedy.close();
            beam.close();
            greedyBans.close();
            beamBans.close();
        }
    }
}
