package app.tarjim.engine;

import java.util.BitSet;

/** HF RepetitionPenaltyLogitsProcessor: every token already in the sequence is made less likely, once. */
final class RepetitionPenaltyProcessor implements LogitsProcessor {

    private final float penalty;

    RepetitionPenaltyProcessor(double penalty) {
        if (!(penalty > 0)) {
            throw new IllegalArgumentException("repetition_penalty must be positive, not " + penalty);
        }
        this.penalty = (float) penalty;
    }

    @Override
    public void process(long[] sequence, int length, float[] scores, int offset, int vocabSize) {
        BitSet seen = new BitSet(vocabSize);
        for (int i = 0; i < length; i++) {
            int token = (int) sequence[i];
            if (token < 0 || token >= vocabSize || seen.get(token)) {
                continue;
            }
            seen.set(token);
            float s = scores[offset + token];
            scores[offset + token] = s < 0 ? s * penalty : s / penalty;
        }
    }
}
