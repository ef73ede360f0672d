package app.tarjim.engine;

import java.util.function.IntConsumer;

/** One of Hugging Face's logits processors, applied in place to one row of scores. */
interface LogitsProcessor {

    /**
     * @param sequence decoder ids so far, {@code sequence[0..length)}, decoder start token first
     * @param scores   holds the row at {@code scores[offset .. offset + vocabSize)}
     */
    void process(long[] sequence, int length, float[] scores, int offset, int vocabSize);

    /**
     * True when the processor only ever sets scores to -inf without reading any: it may then run on raw logits
     * before their log-softmax is subtracted (-inf stays -inf), which lets beam search fuse its passes.
     */
    default boolean masksOnly() {
        return false;
    }

    /**
     * True when, at this sequence length, the processor bans the same ids (sets them to -inf) in every row
     * whatever the row's tokens and scores, or does nothing: its effect is then one additive mask shared by all
     * rows, which the step head graphs apply in ONNX Runtime.
     */
    default boolean sharedMaskAt(int length) {
        return false;
    }

    /**
     * True when the processor's only effect on a row is to set some ids to -inf, which ones depending on the row's
     * tokens: {@link #bannedIds} then lists them, and the step head graphs apply them in ONNX Runtime.
     */
    default boolean bansOnly() {
        return false;
    }

    /** For {@link #bansOnly} processors: the ids {@link #process} would set to -inf, each at most once or more. */
    default void bannedIds(long[] sequence, int length, int vocabSize, IntConsumer banned) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not only ban ids");
    }
}
