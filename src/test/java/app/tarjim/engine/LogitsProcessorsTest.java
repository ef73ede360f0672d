package app.tarjim.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogitsProcessorsTest {

    private static final float NEG_INF = Float.NEGATIVE_INFINITY;

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeScoresOnce() {
        float[] s = {2f, -2f, 1f, 4f};
        new RepetitionPenaltyProcessor(2.0).process(new long[] {0, 1, 1, 0}, 4, s, 0, 4);
        assertThat(s).containsExactly(1f, -4f, 1f, 4f);
    }

    @Test
    void noRepeatNgramBansTheTokenThatWouldRepeatABigram() {
        float[] s = new float[6];
        // sequence 5 1 2 3 1: bigram (1,2) seen, last token 1 -> ban 2
        new NoRepeatNgramProcessor(2).process(new long[] {5, 1, 2, 3, 1}, 5, s, 0, 6);
        assertThat(s).containsExactly(0f, 0f, NEG_INF, 0f, 0f, 0f);
    }

    @Test
    void noRepeatNgramDoesNothingOnShortSequences() {
        float[] s = new float[4];
        new NoRepeatNgramProcessor(3).process(new long[] {1}, 1, s, 0, 4);
        assertThat(s).containsOnly(0f);
    }

    @Test
    void badWordsBanSingleTokensAlwaysAndLongerOnesAfterTheirPrefix() {
        BadWordsProcessor p = new BadWordsProcessor(List.of(new long[] {3}, new long[] {1, 2}, new long[] {0}), 0);
        float[] s = new float[4];
        p.process(new long[] {5, 1}, 2, s, 0, 4);
        assertThat(s).containsExactly(0f, 0f, NEG_INF, NEG_INF); // eos-only entry [0] dropped as in HF
        float[] t = new float[4];
        p.process(new long[] {5, 2}, 2, t, 0, 4);
        assertThat(t).containsExactly(0f, 0f, 0f, NEG_INF);
    }

    @Test
    void minLengthBansEosUntilReached() {
        MinLengthProcessor p = new MinLengthProcessor(3, 1);
        float[] s = new float[3];
        p.process(new long[] {0, 2}, 2, s, 0, 3);
        assertThat(s[1]).isEqualTo(NEG_INF);
        float[] t = new float[3];
        p.process(new long[] {0, 2, 2}, 3, t, 0, 3);
        assertThat(t).containsOnly(0f);
    }

    @Test
    void forcedTokenOnlyAtItsLength() {
        ForcedTokenProcessor p = new ForcedTokenProcessor(1, 2);
        float[] s = {1f, 2f, 3f, 4f, 5f, 6f};
        p.process(new long[] {9}, 1, s, 3, 3); // second row of a [2, 3] array
        assertThat(s).containsExactly(1f, 2f, 3f, NEG_INF, NEG_INF, 0f);
        float[] t = {1f, 2f, 3f};
        p.process(new long[] {9, 4}, 2, t, 0, 3);
        assertThat(t).containsExactly(1f, 2f, 3f);
    }

    @Test
    void hfOrderRepetitionBeforeForcedEos() {
        GenerationSettings s = GenerationSettings.resolve(GenerationConfig.builder().decoderStartTokenId(0L)
                .eosTokenId(1L).maxLength(3).repetitionPenalty(2.0).forcedEosTokenId(1L).build());
        float[] scores = {4f, -1f, 2f};
        LogitsProcessors.forSettings(s).apply(new long[] {0, 2}, 2, scores, 0, 3);
        assertThat(scores).containsExactly(NEG_INF, 0f, NEG_INF);
    }

    @Test
    void sharedMaskIsWhatTheProcessorsDoToEveryRowAndNullWhenRowsDiffer() {
        GenerationSettings plain = GenerationSettings.resolve(GenerationConfig.builder().decoderStartTokenId(0L).maxLength(10).minLength(3)
                .eosTokenId(2L).badWordsIds(List.of(List.of(4L))).forcedEosTokenId(2L).build());
        LogitsProcessors processors = LogitsProcessors.forSettings(plain);
        float[] early = processors.sharedMask(2, 6);
        assertThat(early).containsExactly(0f, 0f, NEG_INF, 0f, NEG_INF, 0f);
        assertThat(processors.sharedMask(2, 6)).isSameAs(early);
        float[] later = processors.sharedMask(3, 6);
        assertThat(later).containsExactly(0f, 0f, 0f, 0f, NEG_INF, 0f);
        assertThat(processors.sharedMask(9, 6)).as("forced eos sets a score to 0: not a mask").isNull();

        GenerationSettings perRow = GenerationSettings.resolve(GenerationConfig.builder().decoderStartTokenId(0L).maxLength(10)
                .badWordsIds(List.of(List.of(3L, 4L))).build());
        assertThat(LogitsProcessors.forSettings(perRow).sharedMask(2, 6)).isNull();
        GenerationSettings ngram = GenerationSettings.resolve(GenerationConfig.builder().decoderStartTokenId(0L).maxLength(10)
                .noRepeatNgramSize(2).build());
        assertThat(LogitsProcessors.forSettings(ngram).sharedMask(2, 6)).isNull();
    }
}
