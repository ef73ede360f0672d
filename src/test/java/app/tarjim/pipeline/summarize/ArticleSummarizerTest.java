package app.tarjim.pipeline.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tarjim.engine.GenerationCancelledException;
import app.tarjim.engine.GenerationConfig;
import app.tarjim.pipeline.FakeGenerator;
import app.tarjim.pipeline.TestResources;
import app.tarjim.pipeline.text.TextNormalizer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ArticleSummarizerTest {

    /** "Summarises" to the first three words of its input. */
    private static FakeGenerator firstWords(int maxInputTokens) {
        return new FakeGenerator(input -> String.join(" ", Arrays.copyOf(input.split(" "), Math.min(3, input.split(" ").length))) + ".",
                input -> -0.3, maxInputTokens);
    }

    private static ArticleSummarizer summarizer(FakeGenerator model) {
        return new ArticleSummarizer(model, new TextNormalizer(), 4);
    }

    private static final String ENGLISH = String.join(" ", TestResources.lines("tico19-100.en"));

    @Test
    void noneSkipsTheModel() {
        FakeGenerator model = firstWords(1024);

        Summary summary = summarizer(model).summarize(ENGLISH, SummaryLength.NONE, () -> false);

        assertThat(summary.text()).isEmpty();
        assertThat(model.calls()).isEmpty();
    }

    @Test
    void aTextThatFitsIsSummarisedInOnePass() {
        FakeGenerator model = firstWords(1024);

        Summary summary = summarizer(model).summarize("The talks ended. Both sides left Ankara.", SummaryLength.MEDIUM, () -> false);

        assertThat(summary.text()).isEqualTo("The talks ended..");
        assertThat(summary.chunks()).isEqualTo(1);
        assertThat(summary.rounds()).isEqualTo(1);
        assertThat(model.calls()).hasSize(1);
    }

    @Test
    void aLongTextIsSummarisedChunkByChunkAndThenAsAWhole() {
        FakeGenerator model = firstWords(200);

        Summary summary = summarizer(model).summarize(ENGLISH, SummaryLength.SHORT, () -> false);

        assertThat(summary.chunks()).isGreaterThan(1);
        assertThat(summary.rounds()).isGreaterThanOrEqualTo(2);
        assertThat(model.allInputs()).allSatisfy(input -> assertThat(model.countTokens(input)).isLessThanOrEqualTo(200));
        assertThat(model.calls().get(model.calls().size() - 1).inputs()).hasSize(1);
        assertThat(summary.text()).isNotBlank();
    }

    @Test
    void chunksEndAtSentenceBoundaries() {
        FakeGenerator model = firstWords(200);

        assertThat(summarizer(model).chunks(ENGLISH, 200))
                .allSatisfy(chunk -> assertThat(chunk).matches("(?s).*[.?!\"”)]$"));
    }

    @Test
    void presetsSetNewTokenBoundsAndShortInputsLowerTheMinimum() {
        GenerationConfig medium = ArticleSummarizer.lengthConfig(SummaryLength.MEDIUM, 900);
        assertThat(medium.minNewTokens()).isEqualTo(56);
        assertThat(medium.maxNewTokens()).isEqualTo(142);
        assertThat(ArticleSummarizer.lengthConfig(SummaryLength.LONG, 60).minNewTokens()).isEqualTo(30);
        assertThat(ArticleSummarizer.lengthConfig(SummaryLength.SHORT, 900).maxNewTokens()).isEqualTo(60);
        for (SummaryLength length : SummaryLength.values()) {
            assertThat(length.minNewTokens()).isLessThanOrEqualTo(length.maxNewTokens());
        }
    }

    @Test
    void cancellationStopsTheSummary() {
        assertThatThrownBy(() -> summarizer(firstWords(200)).summarize(ENGLISH, SummaryLength.SHORT, () -> true))
                .isInstanceOf(GenerationCancelledException.class);
    }

    @Test
    void parsesPresetNames() {
        assertThat(SummaryLength.parse("Long")).isEqualTo(SummaryLength.LONG);
        assertThatThrownBy(() -> SummaryLength.parse("tiny")).hasMessageContaining("short, medium, long or none");
    }
}
