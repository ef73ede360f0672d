package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gathers rows of native tensors with ONNX Runtime itself (see {@link GatherGraph}): one graph for the 2 x layers
 * self-attention (or cross-attention) key/values, one for the encoder hidden states, one for the int64 mask.
 */
final class RowGather implements AutoCloseable {

    private final OnnxSession cache;
    private final OnnxSession hidden;
    private final OnnxSession mask;

    RowGather(Path scratchDir, int layers, int floatType, ModelOptions options, EngineCounters counters) {
        ModelOptions single = ModelOptions.builder().variant(options.variant()).intraOpThreads(1)
                .spinWait(options.spinWait()).build();
        cache = open(scratchDir, "gather_cache", 2 * layers, floatType, single, counters);
        try {
            hidden = open(scratchDir, "gather_hidden", 1, floatType, single, counters);
            mask = open(scratchDir, "gather_mask", 1, GatherGraph.INT64, single, counters);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static OnnxSession open(Path dir, String name, int count, int type, ModelOptions options,
                                    EngineCounters counters) {
        Path file = dir.resolve(name + ".onnx");
        try {
            Files.write(file, GatherGraph.model(count, type));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        return OnnxSession.open(file, options, counters.gatherNanos, counters.gatherCalls);
    }

    Runners newRunners() {
        return new Runners(cache.newRunner(), hidden.newRunner(), mask.newRunner());
    }

    @Override
    public void close() {
        for (OnnxSession s : new OnnxSession[] {cache, hidden, mask}) {
            if (s != null) {
                s.close();
            }
        }
    }

    /** Per-call runners; gathered arrays keep the names of their sources and live in {@code manager}. */
    record Runners(OnnxSession.Runner cache, OnnxSession.Runner hidden, OnnxSession.Runner mask)
            implements AutoCloseable {

        /** {@code arrays} must hold 2 x layers tensors for the cache graph. */
        NDArray[] cacheRows(NDManager manager, NDArray[] arrays, int[] rows) {
            return run(cache, manager, arrays, rows);
        }

        NDArray hiddenRows(NDManager manager, NDArray array, int[] rows) {
            return run(hidden, manager, new NDArray[] {array}, rows)[0];
        }

        NDArray maskRows(NDManager manager, NDArray array, int[] rows) {
            return run(mask, manager, new NDArray[] {array}, rows)[0];
        }

        private static NDArray[] run(OnnxSession.Runner runner, NDManager manager, NDArray[] arrays, int[] rows) {
            long[] indices = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                indices[i] = rows[i];
            }
            NDArray index = Tensors.longs(manager, "indices", indices, indices.length);
            String[] names = new String[arrays.length];
            NDList inputs = new NDList(index);
            for (int i = 0; i < arrays.length; i++) {
                names[i] = arrays[i].getName();
                arrays[i].setName(GatherGraph.dataName(i));
                inputs.add(arrays[i]);
            }
            try {
                NDList outputs = runner.run(inputs);
                NDArray[] gathered = new NDArray[arrays.length];
                for (int i = 0; i < arrays.length; i++) {
                    gathered[i] = outputs.get(GatherGraph.outputName(i));
                    gathered[i].setName(names[i]);
                }
                return gathered;
            } finally {
                index.close();
                for (int i = 0; i < arrays.length; i++) {
                    arrays[i].setName(names[i]);
                }
            }
        }

        @Override
        public void close() {
            cache.close();
            hidden.close();
            mask.close();
        }
    }
}
