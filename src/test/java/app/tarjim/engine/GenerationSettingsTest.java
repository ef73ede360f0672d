package app.tarjim.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationSettingsTest {

    private static final GenerationConfig BASE = GenerationConfig.builder().decoderStartTokenId(5L).eosTokenId(0L)
            .padTokenId(5L).maxLength(512).numBeams(4).build();

    @Test
    void hfDefaultsFillTheGaps() {
        GenerationSettings s = GenerationSettings.resolve(GenerationConfig.builder().decoderStartTokenId(1L).build());
        assertThat(s.numBeams()).isEqualTo(1);
        assertThat(s.maxLength()).as("HF: 20 new tokens after the start token").isEqualTo(21);
        assertThat(s.lengthPenalty()).isEqualTo(1.0);
        assertThat(s.earlyStopping()).isEqualTo(EarlyStopping.FALSE);
        assertThat(s.hasEos()).isFalse();
    }

    @Test
    void maxNewTokensWinsOverMaxLengthAndCountsAfterTheStartToken() {
        GenerationSettings s = GenerationSettings.resolve(BASE.overriddenBy(
                GenerationConfig.builder().maxNewTokens(10).build()));
        assertThat(s.maxLength()).isEqualTo(11);
        assertThat(s.numBeams()).isEqualTo(4);
    }

    @Test
    void minNewTokensReplacesTheModelsMinLength() {
        GenerationSettings s = GenerationSettings.resolve(BASE.overriddenBy(
                GenerationConfig.builder().minLength(56).build()).overriddenBy(
                GenerationConfig.builder().minNewTokens(5).build()));
        assertThat(s.minLength()).isEqualTo(6);
        assertThat(GenerationSettings.resolve(BASE.overriddenBy(GenerationConfig.builder().minLength(56).build()))
                .minLength()).isEqualTo(56);
    }

    @Test
    void earlyStoppingAcceptsHfValues() {
        assertThat(EarlyStopping.parse("never")).isEqualTo(EarlyStopping.NEVER);
        assertThat(EarlyStopping.parse("True")).isEqualTo(EarlyStopping.TRUE);
        assertThatThrownBy(() -> EarlyStopping.parse("sometimes")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMoreReturnSequencesThanBeams() {
        assertThatThrownBy(() -> GenerationSettings.resolve(BASE.overriddenBy(
                GenerationConfig.builder().numReturnSequences(5).build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num_return_sequences");
    }

    @Test
    void padFallsBackToEos() {
        GenerationSettings s = GenerationSettings.resolve(GenerationConfig.builder().decoderStartTokenId(1L)
                .eosTokenId(2L).build());
        assertThat(s.padTokenId()).isEqualTo(2L);
    }
}
