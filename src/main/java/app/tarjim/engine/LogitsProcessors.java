package app.tarjim.engine;

import java.util.ArrayList;
import java.util.List;

/** The processors {@code generate()} builds for the settings, in the order Hugging Face applies them. */
final class LogitsProcessors {

    private final List<LogitsProcessor> processors;

    private final boolean masksOnly;

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

    void apply(long[] sequence, int length, float[] scores, int offset, int vocabSize) {
        for (LogitsProcessor p : processors) {
            p.process(sequence, length, scores, offset, vocabSize);
        }
    }
}
