package app.tarjim.pipeline.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.tarjim.engine.GenerationCancelledException;
import app.tarjim.pipeline.FakeGenerator;
import app.tarjim.pipeline.TestResources;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.glossary.GlossaryCsvReader;
import app.tarjim.pipeline.glossary.GlossaryEntry;
import app.tarjim.pipeline.text.TextNormalizer;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ArticleTranslatorTest {

    private static final String ARTICLE = "عنوان الخبر\n\nجملة أولى. جملة ثانية.\n\nجملة ثالثة";

    private final List<TranslatedSentence> heard = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final SentenceListener listener = new SentenceListener() {
        @Override
        public void onSentence(TranslatedSentence sentence) {
            heard.add(sentence);
        }

        @Override
        public void onProgress(int done, int total) {
            progress.add(done + "/" + total);
        }
    };

    private static ArticleTranslator translator(FakeGenerator model, int batchSize) {
        return new ArticleTranslator(model, new TextNormalizer(), new TranslationSettings(batchSize, 0.5, null, null));
    }

    @Test
    void translatesInBatchesKeepingOrderAndParagraphs() {
        FakeGenerator model = FakeGenerator.echo(512);

        ArticleTranslation result = translator(model, 2).translate(ARTICLE, Glossary.EMPTY, listener, () -> false);

        assertThat(result.sentences()).extracting(TranslatedSentence::source)
                .containsExactly("عنوان الخبر", "جملة أولى.", "جملة ثانية.", "جملة ثالثة");
        assertThat(result.sentences()).extracting(TranslatedSentence::paragraph).containsExactly(0, 1, 1, 2);
        assertThat(result.sentences()).extracting(TranslatedSentence::index).containsExactly(0, 1, 2, 3);
        assertThat(result.translation())
                .isEqualTo("EN:عنوان الخبر\n\nEN:جملة أولى. EN:جملة ثانية.\n\nEN:جملة ثالثة");
        assertThat(model.calls()).extracting(call -> call.inputs().size()).containsExactly(2, 2);
        assertThat(heard).isEqualTo(result.sentences());
        assertThat(progress).containsExactly("0/4", "1/4", "2/4", "3/4", "4/4");
    }

    @Test
    void theModelSeesNormalisedTextAndUsersSeeTheSourceAsWritten() {
        FakeGenerator model = FakeGenerator.echo(512);

        ArticleTranslation result = translator(model, 8).translate("جمـــيل\u200F   جداً.", Glossary.EMPTY, listener, () -> false);

        assertThat(model.allInputs()).containsExactly("جميل جداً.");
        assertThat(result.sentences().get(0).source()).isEqualTo("جمـــيل\u200F   جداً.");
    }

    @Test
    void confidenceIsTheExponentOfTheMeanLogProbAndLowOnesAreFlagged() {
        FakeGenerator model = new FakeGenerator(input -> "EN", input -> input.contains("أولى") ? -2.0 : -0.1, 512);

        ArticleTranslation result = translator(model, 8).translate(ARTICLE, Glossary.EMPTY, listener, () -> false);

        TranslatedSentence doubtful = result.sentences().get(1);
        assertThat(doubtful.confidence()).isCloseTo(Math.exp(-2.0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(doubtful.flagged()).isTrue();
        assertThat(result.sentences().get(0).confidence()).isCloseTo(0.905, org.assertj.core.data.Offset.offset(0.001));
        assertThat(result.sentences().get(0).flagged()).isFalse();
        assertThat(result.flaggedCount()).isEqualTo(1);
    }

    @Test
    void noSegmentSentToTheModelExceedsItsInputLimit() {
        FakeGenerator model = FakeGenerator.echo(12);

        ArticleTranslation result = translator(model, 4).translate(TestResources.seedArticle(), Glossary.EMPTY, listener, () -> false);

        assertThat(model.allInputs()).allSatisfy(input -> assertThat(model.countTokens(input)).isLessThanOrEqualTo(12));
        assertThat(result.sentences()).hasSizeGreaterThan(40);
    }

    @Test
    void cancellationStopsBetweenBatches() {
        FakeGenerator model = FakeGenerator.echo(512);
        AtomicInteger polls = new AtomicInteger();

        assertThatThrownBy(() -> translator(model, 1).translate(ARTICLE, Glossary.EMPTY, listener,
                () -> heard.size() >= 2 && polls.incrementAndGet() > 0))
                .isInstanceOf(GenerationCancelledException.class);
        assertThat(heard).hasSize(2);
    }

    @Test
    void glossaryRenderingAppearsEveryTimeWhenTheModelCopiesIt() {
        FakeGenerator model = FakeGenerator.echo(512);
        Glossary glossary = new GlossaryCsvReader().read(new StringReader(TestResources.text("glossary-aleppo.csv")));

        ArticleTranslation result = translator(model, 8).translate(TestResources.seedArticle(), glossary, listener, () -> false);

        assertThat(result.sentences()).filteredOn(s -> s.source().contains("ملاحفجي") && s.source().contains("زكريا"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.target()).contains("Zakaria Malahefji"));
        assertThat(model.allInputs()).noneMatch(input -> input.contains("زكريا ملاحفجي"));
    }

    @Test
    void glossaryRenderingIsSplicedInWhenTheModelDropsIt() {
        // A model that loses every Latin word, as tiny demo models do.
        FakeGenerator model = new FakeGenerator(
                input -> "EN[" + input.replaceAll("[A-Za-z]+", "").strip().replaceAll("\\s+", " ") + "]",
                input -> -0.2, 512);
        Glossary glossary = new Glossary(List.of(new GlossaryEntry("زكريا ملاحفجي", "Zakaria Malahefji")));
        String article = "في السياق نفسه، شدد زكريا ملاحفجي على الموقف.\nوأضاف ملاحفجي، ثم قال زكريا ملاحفجي: لا.";

        ArticleTranslation result = translator(model, 8).translate(article, glossary, listener, () -> false);

        assertThat(result.sentences().get(0).target())
                .isEqualTo("EN[في السياق نفسه، شدد] Zakaria Malahefji EN[على الموقف.]");
        assertThat(result.sentences().get(1).target()).contains("Zakaria Malahefji");
        assertThat(heard).extracting(TranslatedSentence::index).containsExactly(0, 1);
    }

    @Test
    void anEmptyTranslationGetsZeroConfidence() {
        FakeGenerator model = new FakeGenerator(input -> " ", input -> -0.01, 512);

        ArticleTranslation result = translator(model, 8).translate("جملة.", Glossary.EMPTY, listener, () -> false);

        assertThat(result.sentences().get(0).confidence()).isZero();
        assertThat(result.sentences().get(0).flagged()).isTrue();
    }

    @Test
    void confidenceMappingIsBoundedToZeroOne() {
        assertThat(Confidence.fromLogProbMean(0.3)).isEqualTo(1.0);
        assertThat(Confidence.fromLogProbMean(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(Confidence.fromLogProbMean(Double.NaN)).isZero();
        assertThat(Confidence.fromLogProbMean(Math.log(0.5))).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aSegmentWithoutArabicIsCopiedAsItIsAndNeverSentToTheModel() {
        FakeGenerator model = FakeGenerator.echo(512);
        String article = "عنوان الخبر\n\n<script>alert(\"x\")</script>\n\nقال المصدر إن الخلل أصلح. See https://t.co/abc now!";

        ArticleTranslation result = translator(model, 8).translate(article, Glossary.EMPTY, listener, () -> false);

        assertThat(result.sentences()).extracting(TranslatedSentence::target).containsExactly(
                "EN:عنوان الخبر", "<script>alert(\"x\")</script>", "EN:قال المصدر إن الخلل أصلح.", "See https://t.co/abc now!");
        assertThat(result.sentences().get(1).confidence()).isEqualTo(1.0);
        assertThat(result.sentences().get(1).flagged()).isFalse();
        assertThat(model.allInputs()).containsExactly("عنوان الخبر", "قال المصدر إن الخلل أصلح.");
        assertThat(heard).extracting(TranslatedSentence::index).containsExactly(0, 1, 2, 3);
        assertThat(progress).last().isEqualTo("4/4");
    }

    @Test
    void aBatchWithNothingArabicMakesNoModelCall() {
        FakeGenerator model = FakeGenerator.echo(512);

        ArticleTranslation result = translator(model, 8).translate("Hello there.\n\nJohn Smith", Glossary.EMPTY,
                listener, () -> false);

        assertThat(result.translation()).isEqualTo("Hello there.\n\nJohn Smith");
        assertThat(model.calls()).isEmpty();
    }

    @Test
    void anEnglishQuoteInsideAnArabicSentenceIsKeptUnchangedWhenTheModelManglesIt() {
        // A model that loses every Latin word, as tiny demo models do.
        FakeGenerator model = new FakeGenerator(
                input -> "EN[" + input.replaceAll("[A-Za-z]+", "").strip().replaceAll("\\s+", " ") + "]",
                input -> -0.2, 512);
        String article = "نشر الباحث تغريدة قال فيها: \"The bug lets anyone inject <script>alert(1)</script> here\"، "
                + "وأكدت الشركة أنها أصلحت الخلل.";

        ArticleTranslation result = translator(model, 8).translate(article, Glossary.EMPTY, listener, () -> false);

        assertThat(result.sentences()).hasSize(1);
        assertThat(result.sentences().get(0).target()).isEqualTo("EN[نشر الباحث تغريدة قال فيها:] "
                + "\"The bug lets anyone inject <script>alert(1)</script> here\" EN[، وأكدت الشركة أنها أصلحت الخلل.]");
        // The whole sentence first, then the Arabic on each side of the quote.
        assertThat(model.allInputs()).containsExactly(article,
                "نشر الباحث تغريدة قال فيها: ", "، وأكدت الشركة أنها أصلحت الخلل.");
    }

    @Test
    void aModelThatKeepsTheQuoteIsAskedOnce() {
        FakeGenerator model = FakeGenerator.echo(512);
        String article = "قال John Smith إن الخلل أصلح.";

        ArticleTranslation result = translator(model, 8).translate(article, Glossary.EMPTY, listener, () -> false);

        assertThat(result.sentences().get(0).target()).isEqualTo("EN:" + article);
        assertThat(model.allInputs()).containsExactly(article);
    }
}
