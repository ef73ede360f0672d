package app.tarjim.engine;

import java.util.function.IntConsumer;

/**
 * A logits processor whose whole effect is banning ids (setting their scores to -inf, reading none): it may run
 * on raw logits before their log-softmax is subtracted (-inf stays -inf), which lets beam search fuse its passes,
 * and the step head graphs apply its bans in ONNX Runtime. {@link #process} applies {@link #bannedIds}.
 */
interface BanningProcessor extends LogitsProcessor {

    @Override
    default void process(long[] sequence, int length, float[] scores, int offset, int vocabSize) {
        bannedIds(sequence, length, vocabSize, id -> scores[offset + id] = Float.NEGATIVE_INFINITY);
    }

    /** The ids {@link #process} sets to -inf in this row, each once or more. */
    void bannedIds(long[] sequence, int length, int vocabSize, IntConsumer banned);
}
