package app.tarjim.engine;

import java.util.function.IntConsumer;

/**
 * HF MinLengthLogitsProcessor (and MinNewTokensLengthLogitsProcessor, which is the same rule with the decoder
 * prompt length added): eos is banned while the sequence is shorter than the minimum.
 */
final class MinLengthProcessor implements BanningProcessor {

    private final int minLength;
    private final int eosTokenId;

    MinLengthProcessor(int minLength, long eosTokenId) {
        this.minLength = minLength;
        this.eosTokenId = (int) eosTokenId;
    }

    @Override
    public void bannedIds(long[] sequence, int length, int vocabSize, IntConsumer banned) {
        if (length < minLength && eosTokenId < vocabSize) {
            banned.accept(eosTokenId);
        }
    }

    @Override
    public boolean sharedMaskAt(int length) {
        return true;
    }
}
