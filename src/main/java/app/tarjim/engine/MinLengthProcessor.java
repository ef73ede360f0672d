package app.tarjim.engine;

/**
 * HF MinLengthLogitsProcessor (and MinNewTokensLengthLogitsProcessor, which is the same rule with the decoder
 * prompt length added): eos is banned while the sequence is shorter than the minimum.
 */
final class MinLengthProcessor implements LogitsProcessor {

    private final int minLength;
    private final int eosTokenId;

    MinLengthProcessor(int minLength, long eosTokenId) {
        this.minLength = minLength;
        this.eosTokenId = (int) eosTokenId;
    }

    @Override
    public void process(long[] sequence, int length, float[] scores, int offset, int vocabSize) {
        if (length < minLength && eosTokenId < vocabSize) {
            scores[offset + eosTokenId] = Float.NEGATIVE_INFINITY;
        }
    }

    @Override
    public boolean sharedMaskAt(int length) {
        return true;
    }

    @Override
    public boolean masksOnly() {
        return true;
    }
}
