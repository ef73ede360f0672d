package app.tarjim.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** {@link DecoderState} over the ONNX decoder, for one sub-batch; owns its encoder output and cache. */
final class OnnxDecoderState implements DecoderState, AutoCloseable {

    private final Decoder decoder;
    private final Decoder.Runners runners;
    private final RowGather.Runners gather;
    /** Null when the logits are not float32 (the head graphs take float32 only) or reducing in graph is off. */
    private final StepHead.Runners head;
    private final long headFrom;
    /** The last mask handed to the head graphs and its native copy, reused while the mask stays the same. */
    private float[] maskValues;
    private NDArray mask;
    private final NDManager manager;
    private final EncoderOutput encoder;
    private final KvCache cache;
    private final int vocabSize;
    /** The previous step's logits array, filled again by the next step. */
    private float[] logits;

    /** @param headFrom the fewest scores (rows x vocab) in a step for which {@code head} is used */
    OnnxDecoderState(Decoder decoder, Decoder.Runners runners, RowGather.Runners gather, StepHead.Runners head,
                     long headFrom, NDManager manager, EncoderOutput encoder, int vocabSize) {
        this.headFrom = headFrom;
        this.gather = gather;
        this.head = head;
        this.decoder = decoder;
        this.runners = runners;
        this.manager = manager;
        this.encoder = encoder;
        this.cache = new KvCache(decoder.layers());
        this.vocabSize = vocabSize;
    }

    @Override
    public float[] step(long[] lastTokens) {
        if (lastTokens.length != encoder.rows()) {
            throw new IllegalStateException("Step with " + lastTokens.length + " rows, encoder has " + encoder.rows());
        }
        float[] previous = logits;
        logits = null; // not reused if the step fails half way
        float[] values = decoder.step(runners, manager, lastTokens, encoder, cache, previous, vocabSize);
        logits = values;
        return values;
    }

    @Override
    public boolean reducesInGraph(int rows) {
        return head != null && (long) rows * vocabSize >= headFrom;
    }

    @Override
    public StepHead.GreedyPicks stepGreedy(long[] lastTokens, LogitsProcessors.StepMasks masks) {
        checkRows(lastTokens);
        try (NDArray logits = oneTokenPerRow(decoder.stepLogits(runners, manager, lastTokens, encoder, cache,
                vocabSize))) {
            return head.greedy(manager, logits, maskArray(masks.shared()), masks);
        }
    }

    @Override
    public StepHead.RowTops stepBeamTops(long[] lastTokens, LogitsProcessors.StepMasks masks, float[] rowScores,
                                         int k) {
        checkRows(lastTokens);
        try (NDArray logits = oneTokenPerRow(decoder.stepLogits(runners, manager, lastTokens, encoder, cache,
                vocabSize))) {
            return head.beamTops(manager, logits, maskArray(masks.shared()), masks, rowScores, k);
        }
    }

    /** The head graphs reduce the last axis of every position: the decoder must have given one per row. */
    private static NDArray oneTokenPerRow(NDArray logits) {
        Shape shape = logits.getShape();
        if (shape.dimension() == 3 && shape.get(1) != 1) {
            logits.close();
            throw new IllegalStateException("Decoder logits have " + shape.get(1) + " positions per row; one expected");
        }
        return logits;
    }

    private void checkRows(long[] lastTokens) {
        if (head == null) {
            throw new IllegalStateException("This model's logits are not reduced in ONNX Runtime");
        }
        if (lastTokens.length != encoder.rows()) {
            throw new IllegalStateException("Step with " + lastTokens.length + " rows, encoder has " + encoder.rows());
        }
    }

    /** The mask as a native array; the searches hand the same array instance while the mask is unchanged. */
    private NDArray maskArray(float[] values) {
        if (values != maskValues) {
            if (mask != null) {
                mask.close();
                mask = null;
            }
            mask = manager.create(values, new Shape(values.length));
            maskValues = values;
        }
        return mask;
    }

    @Override
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public void reorderBeams(int[] rows) {
        cache.keepRows(gather, manager, rows, false);
    }

    @Override
    public void keepRows(int[] rows) {
        encoder.keepRows(gather, manager, rows);
        cache.keepRows(gather, manager, rows, true);
    }

    @Override
    public void close() {
        if (mask != null) {
            mask.close();
        }
        cache.close();
        encoder.close();
    }
}
