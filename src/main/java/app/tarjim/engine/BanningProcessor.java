package app.tarjim.engine;

import java.util.function.IntConsumer;

/** A logits processor whose whole effect is banning ids per row: {@link #process} applies {@link #bannedIds}. */
interface BanningProcessor extends LogitsProcessor {

    @Override
    default void process(long[] sequence, int length, float[] scores, int offset, int vocabSize) {
        bannedIds(sequence, length, vocabSize, id -> scores[offset + id] = Float.NEGATIVE_INFINITY);
    }

    @Override
    default boolean bansOnly() {
        return true;
    }

    @Override
    default boolean masksOnly() {
        return true;
    }

    @Override
    void bannedIds(long[] sequence, int length, int vocabSize, IntConsumer banned);
}
