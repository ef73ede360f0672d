package app.tarjim.engine;

import ai.djl.ndarray.NDManager;

/** {@link DecoderState} over the ONNX decoder, for one sub-batch; owns its encoder output and cache. */
final class OnnxDecoderState implements DecoderState, AutoCloseable {

    private final Decoder decoder;
    private final Decoder.Runners runners;
    private final RowGather.Runners gather;
    private final NDManager manager;
    private final EncoderOutput encoder;
    private final KvCache cache;
    private final int vocabSize;
    private final EngineCounters counters;
    /** The previous step's logits array, filled again by the next step. */
    private float[] logits;

    OnnxDecoderState(Decoder decoder, Decoder.Runners runners, RowGather.Runners gather, NDManager manager,
                     EncoderOutput encoder, int vocabSize, EngineCounters counters) {
        this.gather = gather;
        this.counters = counters;
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
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public void reorderBeams(int[] rows) {
        long start = System.nanoTime();
        cache.keepRows(gather, manager, rows, false);
        counters.copyNanos.add(System.nanoTime() - start);
    }

    @Override
    public void keepRows(int[] rows) {
        long start = System.nanoTime();
        encoder.keepRows(gather, manager, rows);
        cache.keepRows(gather, manager, rows, true);
        counters.copyNanos.add(System.nanoTime() - start);
    }

    @Override
    public void close() {
        cache.close();
        encoder.close();
    }
}
