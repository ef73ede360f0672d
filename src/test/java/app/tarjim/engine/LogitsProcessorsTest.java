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
    void stepMasksAreWhatTheProcessorsDoSharedAndPerRowAndNullWhenTheyDoMoreThanBan() {
        GenerationSettings plain = GenerationSettings.resolve(GenerationConfig.builder().decoderStartTokenId(0L)
                .maxLength(10).minLength(3).eosTokenId(2L).badWordsIds(List.of(List.of(4L))).forcedEosTokenId(2L)
                .build());
        LogitsProcessors processors = LogitsProcessors.forSettings(plain);
        LogitsProcessors.StepMasks early = processors.stepMasks(2, 2, r -> new long[10], 6);
        assertThat(early.shared()).containsExactly(0f, 0f, NEG_INF, 0f, NEG_INF, 0f);
        assertThat(early.banWidth()).as("no processor bans per row").isZero();
        assertThat(early.banIds()).isEmpty();
        assertThat(processors.stepMasks(2, 2, r -> new long[10], 6).shared()).isSameAs(early.shared());
        assertThat(processors.stepMasks(3, 2, r -> new long[10], 6).shared())
                .containsExactly(0f, 0f, 0f, 0f, NEG_INF, 0f);
        assertThat(processors.stepMasks(9, 2, r -> new long[10], 6)).as("forced eos sets a score to 0").isNull();

        // Per-row bans: a two-token bad word after its prefix, and a repeated bigram.
        GenerationSettings perRow = GenerationSettings.resolve(GenerationConfig.builder().decoderStartTokenId(0L)
                .maxLength(10).badWordsIds(List.of(List.of(3L, 4L))).noRepeatNgramSize(2).build());
        long[][] rows = {{0, 7, 5, 3}, {0, 1, 5, 1}};
        LogitsProcessors.StepMasks masks = LogitsProcessors.forSettings(perRow).stepMasks(4, 2, r -> rows[r], 8);
        assertThat(masks.shared()).containsOnly(0f);
        assertThat(masks.banWidth()).isEqualTo(1);
        assertThat(masks.banIds()).containsExactly(4L, 5L); // row 0 ends with 3: bans 4; in row 1, "1" was followed by 5
        assertThat(masks.banValues()).containsExactly(NEG_INF, NEG_INF);
        for (int r = 0; r < 2; r++) {
            float[] scores = new float[8];
            LogitsProcessors.forSettings(perRow).apply(rows[r], 4, scores, 0, 8);
            assertThat(scores[(int) masks.banIds()[r]]).isEqualTo(NEG_INF);
        }

        GenerationSettings penalty = GenerationSettings.resolve(GenerationConfig.builder().decoderStartTokenId(0L)
                .maxLength(10).repetitionPenalty(1.2).build());
        assertThat(LogitsProcessors.forSettings(penalty).stepMasks(2, 1, r -> new long[10], 6)).isNull();
    }
}
