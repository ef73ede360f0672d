package app.tarjim.pipeline.translate;

import app.tarjim.engine.GeneratedSequence;
import app.tarjim.engine.GenerationConfig;
import app.tarjim.engine.ModelInfo;
import app.tarjim.engine.TextGenerator;
import app.tarjim.pipeline.FakeGenerator;
import app.tarjim.pipeline.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NBestTranslatorTest {

    /** The fake model's defaults (4 beams) and token counts, with outputs of our own and the overrides kept. */
    private static final class NBestModel implements TextGenerator {
        private final FakeGenerator base = FakeGenerator.echo(100);
        private final Function<String, List<GeneratedSequence>> outputs;
        final List<GenerationConfig> asked = new ArrayList<>();

        NBestModel(Function<String, List<GeneratedSequence>> outputs) {
            this.outputs = outputs;
        }

        @Override
        public ModelInfo info() {
            return base.info();
        }

        @Override
        public GenerationConfig defaults() {
            return base.defaults();
        }

        @Override
        public int countTokens(String text) {
            return base.countTokens(text);
        }

        @Override
        public int maxInputTokens() {
            return base.maxInputTokens();
        }

        @Override
        public List<List<GeneratedSequence>> generate(List<String> inputs, GenerationConfig overrides,
                                                      BooleanSupplier cancelled) {
            asked.add(overrides);
            return inputs.stream().map(outputs).toList();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void asksForNSequencesFromAtLeastNBeamsAndDropsRepeats() {
        // Beams can differ only in spaces, which are stripped.
        NBestModel model = new NBestModel(input -> List.of(sequence("A " + input), sequence("A " + input + " "),
                sequence("B " + input)));
        List<GenerationConfig> asked = model.asked;
        TranslationSettings settings = new TranslationSettings(2, 0.5, null,
                GenerationConfig.builder().maxNewTokens(50).build());

        List<List<String>> out = new NBestTranslator(model, new TextNormalizer(), settings)
                .translate(List.of("جملة  أولى", "ثانية", "ثالثة"), 6, () -> false);

        assertThat(out).containsExactly(List.of("A جملة أولى", "B جملة أولى"), List.of("A ثانية", "B ثانية"),
                List.of("A ثالثة", "B ثالثة"));
        assertThat(asked).hasSize(2);   // batches of two
        assertThat(asked.get(0).numReturnSequences()).isEqualTo(6);
        assertThat(asked.get(0).numBeams()).isEqualTo(6);   // more than the model's 4
        assertThat(asked.get(0).maxNewTokens()).isEqualTo(50);   // the settings' overrides stay
    }

    @Test
    void keepsTheModelsBeamsWhenTheyAreMore() {
        NBestModel model = new NBestModel(input -> List.of(sequence(input)));
        List<GenerationConfig> asked = model.asked;
        new NBestTranslator(model, new TextNormalizer(), TranslationSettings.defaults()).translate(List.of("نص"), 2, () -> false);

        assertThat(asked.get(0).numBeams()).isEqualTo(4);
        assertThat(asked.get(0).numReturnSequences()).isEqualTo(2);
        assertThatThrownBy(() -> new NBestTranslator(model, new TextNormalizer(), TranslationSettings.defaults())
                .translate(List.of("نص"), 0, () -> false)).isInstanceOf(IllegalArgumentException.class);
    }

    private static GeneratedSequence sequence(String text) {
        return new GeneratedSequence(new long[0], new long[0], text, -0.5, -0.1);
    }
}
