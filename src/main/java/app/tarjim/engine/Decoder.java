package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one decoder step with either export layout: Optimum's merged decoder ({@code use_cache_branch} false with
 * zero-length past on step 0, true afterwards) or the split pair ({@code decoder_model} for step 0, then
 * {@code decoder_with_past_model}). Inputs are filled by name from what each graph declares.
 */
final class Decoder {

    private final OnnxSession firstStep;
    private final OnnxSession cachedStep;
    private final int layers;
    private final long heads;
    private final long headDim;
    private final EngineCounters counters;

    Decoder(OnnxSession firstStep, OnnxSession cachedStep, ModelConfig config, EngineCounters counters) {
        this.counters = counters;
        this.firstStep = firstStep;
        this.cachedStep = cachedStep;
        this.layers = config.decoderLayers();
        Shape past = cachedStep.inputs().get(KvCache.pastName(0, 0));
        if (!cachedStep.inputs().containsKey(KvCache.pastName(0, 0))) {
            throw new ModelLoadException("Decoder " + cachedStep.file() + " has no input " + KvCache.pastName(0, 0)
                    + ": it is not a decoder with past key/values");
        }
        boolean declared = past != null && past.dimension() == 4;
        this.heads = declared && past.get(1) > 0 ? past.get(1) : config.decoderHeads();
        this.headDim = declared && past.get(3) > 0 ? past.get(3) : config.headDim();
        if (heads < 1 || headDim < 1) {
            throw new ModelLoadException("Cannot tell the attention heads of " + cachedStep.file()
                    + ": its past inputs have no fixed shape and config.json gives no head count");
        }
        for (int layer = 0; layer < layers; layer++) {
            if (!cachedStep.inputs().containsKey(KvCache.pastName(layer, 0))) {
                throw new ModelLoadException("Decoder " + cachedStep.file() + " lacks " + KvCache.pastName(layer, 0)
                        + " although config.json gives " + layers + " decoder layers");
            }
        }
    }

    boolean merged() {
        return firstStep == cachedStep;
    }

    /** Per-call runners for the graphs this decoder uses. */
    record Runners(OnnxSession.Runner first, OnnxSession.Runner cached) implements AutoCloseable {
        @Override
        public void close() {
            first.close();
            if (cached != first) {
                cached.close();
            }
        }
    }

    Runners newRunners() {
        OnnxSession.Runner first = firstStep.newRunner();
        return new Runners(first, merged() ? first : cachedStep.newRunner());
    }

    /**
     * Feeds one token per row, updates the cache with the step's key/values and returns the logits of the step
     * as a row-major [rows, vocab] array: the first rows * vocab entries of {@code reuse} when it is large
     * enough, else of a new array.
     */
    float[] step(Runners runners, NDManager manager, long[] tokens, EncoderOutput encoder, KvCache cache,
                 float[] reuse, int expectedVocab) {
        try (NDArray logits = stepLogits(runners, manager, tokens, encoder, cache, expectedVocab)) {
            long start = System.nanoTime();
            Shape shape = logits.getShape();
            float[] values = shape.dimension() != 3 || shape.get(1) == 1
                    ? Tensors.toFloats(logits, reuse)
                    : lastPosition(Tensors.toFloats(logits), shape);
            counters.copyNanos.add(System.nanoTime() - start);
            return values;
        }
    }

    /**
     * As {@link #step} but leaves the logits in native memory: [rows, vocab] or [rows, 1, vocab], owned by the
     * caller.
     */
    NDArray stepLogits(Runners runners, NDManager manager, long[] tokens, EncoderOutput encoder, KvCache cache,
                       int expectedVocab) {
        boolean first = cache.isEmpty();
        OnnxSession session = first ? firstStep : cachedStep;
        List<NDArray> created = new ArrayList<>();
        NDList inputs = new NDList();
        try {
            NDArray ids = Tensors.longs(manager, "input_ids", tokens, tokens.length, 1);
            created.add(ids);
            inputs.add(ids); // first, so that outputs attach to this call's manager
            for (Map.Entry<String, Shape> input : session.inputs().entrySet()) {
                String name = input.getKey();
                switch (name) {
                    case "input_ids" -> { }
                    case "encoder_hidden_states" -> inputs.add(encoder.hiddenStates());
                    case "encoder_attention_mask" -> inputs.add(encoder.attentionMask());
                    case "use_cache_branch" -> {
                        NDArray flag = manager.create(new boolean[] {!first}, new Shape(1));
                        flag.setName(name);
                        created.add(flag);
                        inputs.add(flag);
                    }
                    default -> inputs.add(pastInput(name, manager, tokens.length, encoder, cache, created));
                }
            }
            NDList outputs = (first ? runners.first() : runners.cached()).run(inputs);
            NDArray logits = outputs.get("logits");
            if (logits == null) {
                outputs.close();
                throw new IllegalStateException(session.file().getFileName() + " returned no logits");
            }
            Shape shape = logits.getShape();
            long rowSize = shape.dimension() == 0 ? 0 : shape.get(shape.dimension() - 1);
            if (shape.dimension() < 2 || shape.get(0) != tokens.length || rowSize != expectedVocab) {
                outputs.close();
                throw new IllegalStateException("Decoder logits have " + (tokens.length == 0 ? 0
                        : shape.size() / tokens.length) + " entries per row, config.json vocab_size is "
                        + expectedVocab);
            }
            cache.update(outputs);
            return logits;
        } finally {
            created.forEach(NDArray::close);
        }
    }

    private NDArray pastInput(String name, NDManager manager, int rows, EncoderOutput encoder, KvCache cache,
                              List<NDArray> created) {
        if (!name.startsWith("past_key_values.")) {
            throw new IllegalStateException("Decoder input " + name + " is not supported");
        }
        NDArray cached = cache.forInput(name);
        if (cached != null) {
            return cached;
        }
        DataType type = encoder.hiddenStates().getDataType();
        NDArray empty = Tensors.empty(manager, name, type, rows, heads, 0, headDim);
        created.add(empty);
        return empty;
    }

    private static float[] lastPosition(float[] logits, Shape shape) {
        if (shape.dimension() != 3 || shape.get(1) == 1) {
            return logits;
        }
        int rows = (int) shape.get(0);
        int positions = (int) shape.get(1);
        int vocab = (int) shape.get(2);
        float[] last = new float[rows * vocab];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(logits, (r * positions + positions - 1) * vocab, last, r * vocab, vocab);
        }
        return last;
    }

    int layers() {
        return layers;
    }
}
