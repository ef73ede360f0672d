package app.tarjim.engine;

import java.util.ArrayList;
import java.util.List;

/** The processors {@code generate()} builds for the settings, in the order Hugging Face applies them. */
final class LogitsProcessors {

    private final List<LogitsProcessor> processors;

    private final boolean masksOnly;

    /** The last mask returned by {@link #sharedMask}, returned again (same instance) while it does not change. */
    private float[] lastMask;

    private LogitsProcessors(List<LogitsProcessor> processors) {
        this.processors = processors;
        this.masksOnly = processors.stream().allMatch(LogitsProcessor::masksOnly);
    }

    static LogitsProcessors forSettings(GenerationSettings s) {
        List<LogitsProcessor> list = new ArrayList<>();
        if (s.repetitionPenalty() != 1.0) {
            list.add(new RepetitionPenaltyProcessor(s.repetitionPenalty()));
        }
        if (s.noRepeatNgramSize() > 0) {
            list.add(new NoRepeatNgramProcessor(s.noRepeatNgramSize()));
        }
        if (!s.badWordsIds().isEmpty()) {
            list.add(new BadWordsProcessor(s.badWordsIds(), s.eosTokenId()));
        }
        if (s.minLength() > 0 && s.hasEos()) {
            list.add(new MinLengthProcessor(s.minLength(), s.eosTokenId()));
        }
        if (s.forcedBosTokenId() != null) {
            list.add(new ForcedTokenProcessor(GenerationSettings.PROMPT_LENGTH, s.forcedBosTokenId()));
        }
        if (s.forcedEosTokenId() != null) {
            list.add(new ForcedTokenProcessor(s.maxLength() - 1, s.forcedEosTokenId()));
        }
        return new LogitsProcessors(List.copyOf(list));
    }

    /** See {@link LogitsProcessor#masksOnly()}: true for all of them (or none configured). */
    boolean masksOnly() {
        return masksOnly;
    }

    /**
     * The processors' effect at this length as one additive row (0, or -inf for banned ids) when it is the same
     * for every row (see {@link LogitsProcessor#sharedMaskAt}), else null. Built by running the processors on a
     * row of zeros, so it is exactly what they would do; the same array is returned while the mask is unchanged.
     * Not thread-safe: one instance per generate call.
     */
    float[] sharedMask(int length, int vocabSize) {
        for (LogitsProcessor p : processors) {
            if (!p.sharedMaskAt(length)) {
                return null;
            }
        }
        float[] mask = new float[vocabSize];
        apply(new long[length], length, mask, 0, vocabSize);
        if (lastMask != null && java.util.Arrays.equals(mask, lastMask)) {
            return lastMask;
        }
        lastMask = mask;
        return mask;
    }

    void apply(long[] sequence, int length, float[] scores, int offset, int vocabSize) {
        for (LogitsProcessor p : processors) {
            p.process(sequence, length, scores, offset, vocabSize);
        }
    }
}
