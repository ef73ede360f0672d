package app.tarjim.engine;

import java.util.Arrays;

/**
 * HF ForcedBOSTokenLogitsProcessor (at length 1) and ForcedEOSTokenLogitsProcessor (at max_length - 1): at that
 * length every score becomes -inf except the forced token's, which becomes 0.
 */
final class ForcedTokenProcessor implements LogitsProcessor {

    private final int atLength;
    private final int token;

    ForcedTokenProcessor(int atLength, long token) {
        this.atLength = atLength;
        this.token = (int) token;
    }

    @Override
    public void process(long[] sequence, int length, float[] scores, int offset, int vocabSize) {
        if (length == atLength && token < vocabSize) {
            Arrays.fill(scores, offset, offset + vocabSize, Float.NEGATIVE_INFINITY);
            scores[offset + token] = 0f;
        }
    }

    /** Where it acts it sets the forced token's score to 0, which no mask can express; elsewhere it does nothing. */
    @Override
    public boolean sharedMaskAt(int length) {
        return length != atLength;
    }
}
