package app.tarjim.engine;

/**
 * One of Hugging Face's logits processors, applied in place to one row of scores. Those whose only effect is
 * banning ids are {@link BanningProcessor}s.
 */
interface LogitsProcessor {

    /**
     * @param sequence decoder ids so far, {@code sequence[0..length)}, decoder start token first
     * @param scores   holds the row at {@code scores[offset .. offset + vocabSize)}
     */
    void process(long[] sequence, int length, float[] scores, int offset, int vocabSize);

    /**
     * True when, at this sequence length, the processor bans the same ids (sets them to -inf) in every row
     * whatever the row's tokens and scores, or does nothing: its effect is then one additive mask shared by all
     * rows, which the step head graphs apply in ONNX Runtime.
     */
    default boolean sharedMaskAt(int length) {
        return false;
    }
}
