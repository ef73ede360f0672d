package app.tarjim.pipeline.text;

import static app.tarjim.pipeline.text.SegmentedTextAssertions.assertCoversSourceExactly;
import static org.assertj.core.api.Assertions.assertThat;

import app.tarjim.pipeline.TestResources;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmenterTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final TokenCounter estimate = new EstimatedTokenCounter();
    private final Segmenter segmenter = new Segmenter(normalizer, estimate, 512);

    private List<String> sentences(String text) {
        return segmenter.segment(text).segments().stream().map(Segment::text).toList();
    }

    @Test
    void seedArticleIsCoveredExactlyWithHeadlineDateAndCaptionOnTheirOwn() {
        String article = TestResources.seedArticle();
        SegmentedText segmented = segmenter.segment(article);

        assertCoversSourceExactly(segmented);
        List<String> texts = segmented.segments().stream().map(Segment::text).toList();
        assertThat(texts.subList(0, 4)).containsExactly(
                "المعارضة ترفض الضغوط الأميركية الروسية وتؤكد بقاءها في حلب",
                "04 ديسمبر 2016",
                "مفاوضات أنقرة انتهت (جورج أورفيليان/ فرانس برس)",
                "+ الخط -");
        long nonBlankLines = article.lines().filter(line -> !line.isBlank()).count();
        assertThat(segmented.paragraphs()).hasSize((int) nonBlankLines);
    }

    @Test
    void seedArticleSentencesKeepTheirClosingQuotes() {
        List<String> texts = sentences(TestResources.seedArticle());

        assertThat(texts).contains("ووفقاً للمصدر نفسه، فإن الفصائل ترفض \"العرض الروسي الأميركي\"، مشيراً إلى أن \"مفاوضات أنقرة انتهت\".");
        assertThat(texts).anySatisfy(s -> assertThat(s).startsWith("غير أن عرض لافروف الأخير").endsWith("على المعارضة."));
        assertThat(texts).anySatisfy(s -> assertThat(s).startsWith("كما أن انتهاء اجتماعات أنقرة"));
    }

    @Test
    void paragraphsFollowBlankLinesAndLineBreaks() {
        SegmentedText segmented = segmenter.segment("عنوان\nحلب ـ 04 ديسمبر 2016\n\nجملة أولى. جملة ثانية.\r\n\r\n\r\nفقرة ثالثة");

        assertCoversSourceExactly(segmented);
        assertThat(segmented.segments()).extracting(Segment::paragraph).containsExactly(0, 1, 2, 2, 3);
        assertThat(segmented.paragraphs()).hasSize(4);
    }

    @Test
    void sentencesEndAtArabicAndLatinTerminators() {
        assertThat(sentences("هل أنت جائع؟ نعم! ذهبنا ثم عدنا… وانتهى. Is it? Yes."))
                .containsExactly("هل أنت جائع؟", "نعم!", "ذهبنا ثم عدنا…", "وانتهى.", "Is it?", "Yes.");
    }

    /** Four clauses: "A، B؛ C، D." — estimated 15 + 10 + 6 + 14 tokens, 42 for the whole sentence. */
    private static final String SEMICOLON_SENTENCE = "قال المتحدث باسم الحكومة إن الوفد وصل، وإن المفاوضات بدأت صباحاً؛ "
            + "غير أن الفصائل، بحسب مصادر محلية، رفضت العرض الروسي.";

    @Test
    void aSentenceWithAnArabicSemicolonUnderTheLimitStaysWhole() {
        assertThat(sentences("ذهبنا إلى السوق؛ ثم عدنا إلى البيت. وانتهى اليوم."))
                .containsExactly("ذهبنا إلى السوق؛ ثم عدنا إلى البيت.", "وانتهى اليوم.");
        assertThat(sentences(SEMICOLON_SENTENCE)).containsExactly(SEMICOLON_SENTENCE);
        assertThat(new Segmenter(normalizer, estimate, 42).segment(SEMICOLON_SENTENCE).segments())
                .extracting(Segment::text).containsExactly(SEMICOLON_SENTENCE);
    }

    @Test
    void aSentenceOverTheLimitIsCutAtTheArabicSemicolonBeforeArabicCommas() {
        // At 30 tokens "A، B؛ C،" (29) would fit, so packing clauses by Arabic commas alone would cut after
        // C; the semicolon comes first and the cut falls there.
        SegmentedText segmented = new Segmenter(normalizer, estimate, 30).segment(SEMICOLON_SENTENCE);

        assertCoversSourceExactly(segmented);
        assertThat(segmented.segments()).extracting(Segment::text).containsExactly(
                "قال المتحدث باسم الحكومة إن الوفد وصل، وإن المفاوضات بدأت صباحاً؛",
                "غير أن الفصائل، بحسب مصادر محلية، رفضت العرض الروسي.");
        assertThat(segmented.segments()).extracting(Segment::paragraph).containsOnly(0);
    }

    @Test
    void aPieceBetweenSemicolonsStillOverTheLimitIsCutAtWeakerBreaks() {
        SegmentedText segmented = new Segmenter(normalizer, estimate, 20).segment(SEMICOLON_SENTENCE);

        assertCoversSourceExactly(segmented);
        assertThat(segmented.segments()).extracting(Segment::text).containsExactly(
                "قال المتحدث باسم الحكومة إن الوفد وصل،",
                "وإن المفاوضات بدأت صباحاً؛",
                "غير أن الفصائل، بحسب مصادر محلية، رفضت العرض الروسي.");
    }

    @Test
    void closingQuotesAndBracketsStayWithTheirSentence() {
        assertThat(sentences("قال «انتهت المفاوضات.» ثم غادر. (وهذا مؤكد.) وقال “نعم!” أخيراً."))
                .containsExactly("قال «انتهت المفاوضات.»", "ثم غادر.", "(وهذا مؤكد.)", "وقال “نعم!”", "أخيراً.");
    }

    @Test
    void ellipsisWrittenAsDotsEndsOneSentence() {
        assertThat(sentences("انتظرنا... ثم عادوا.")).containsExactly("انتظرنا...", "ثم عادوا.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "بلغت النسبة 3.5 في المئة هذا العام.",
            "بلغت النسبة ٣٫٥ في المئة و1,000 دولار و٣.٥ كذلك.",
            "قال وزير الخارجية ج. كيري إن المحادثات انتهت.",
            "The U.S. officials said no. Mr. Smith agreed.",
            "زوروا الموقع https://www.alaraby.co.uk/politics/2016/12/4/a.b?x=1.5 للمزيد.",
            "راسلونا على news.desk@alaraby.co.uk لمزيد من المعلومات.",
    })
    void numbersInitialsUrlsAndEmailsDoNotEndSentences(String text) {
        List<String> result = sentences(text);
        if (text.startsWith("The U.S.")) {
            assertThat(result).containsExactly("The U.S. officials said no.", "Mr. Smith agreed.");
        } else {
            assertThat(result).containsExactly(text);
        }
    }

    @Test
    void numberedListMarkerAtLineStartIsNotASentence() {
        assertThat(sentences("1. الأولى\n2. الثانية")).containsExactly("1. الأولى", "2. الثانية");
    }

    @Test
    void yearAtTheEndOfASentenceStillEndsIt() {
        assertThat(sentences("وقع ذلك عام 2016. ثم تغير كل شيء."))
                .containsExactly("وقع ذلك عام 2016.", "ثم تغير كل شيء.");
    }

    @Test
    void datelineLineStaysItsOwnSegment() {
        assertThat(sentences("حلب ـ العربي الجديد\n04 ديسمبر 2016\nقال مصدر إن المفاوضات انتهت."))
                .containsExactly("حلب ـ العربي الجديد", "04 ديسمبر 2016", "قال مصدر إن المفاوضات انتهت.");
    }

    @Test
    void longSentencesAreCutAtClausesFirstThenCommasThenConjunctionsThenWords() {
        Segmenter small = new Segmenter(normalizer, estimate, 16);

        assertThat(small.segment("جددت فصائل المعارضة السورية التمسك بموقفها، ورفضت كل عروض الاستسلام والخروج.")
                .segments()).extracting(Segment::text)
                .containsExactly("جددت فصائل المعارضة السورية التمسك بموقفها،", "ورفضت كل عروض الاستسلام والخروج.");
        assertThat(new Segmenter(normalizer, estimate, 8).segment("ذهب الرجل إلى السوق واشترى الخبز واللحم والفاكهة").segments())
                .extracting(Segment::text)
                .allSatisfy(s -> assertThat(estimate.count(s)).isLessThanOrEqualTo(8));
    }

    @Test
    void aWordLongerThanTheLimitIsCutBetweenCharacters() {
        Segmenter tiny = new Segmenter(normalizer, estimate, 3);
        String url = "https://example.com/" + "a".repeat(40);

        SegmentedText segmented = tiny.segment(url);

        assertCoversSourceExactly(segmented);
        assertThat(segmented.segments()).allSatisfy(s -> assertThat(estimate.count(s.text())).isLessThanOrEqualTo(3));
    }

    @Test
    void seedArticleWithSmallLimitHasNoSegmentOverTheLimitAndStillCoversTheSource() {
        for (int limit : new int[] {8, 16, 24, 40}) {
            SegmentedText segmented = new Segmenter(normalizer, estimate, limit).segment(TestResources.seedArticle());

            assertCoversSourceExactly(segmented);
            assertThat(segmented.segments())
                    .allSatisfy(s -> assertThat(estimate.count(normalizer.normalize(s.text()))).isLessThanOrEqualTo(limit));
            assertThat(segmented.paragraphs()).hasSize(segmenter.segment(TestResources.seedArticle()).paragraphs().size());
        }
    }

    @Test
    void clauseSplitsPreferArabicCommaOverWords() {
        SegmentedText segmented = new Segmenter(normalizer, estimate, 24).segment(TestResources.seedArticle());

        assertThat(segmented.segments()).extracting(Segment::text)
                .contains("في السياق نفسه،");
    }

    @Test
    void testSetSentencesAreCoveredAndEachLineEndingInATerminatorEndsASegment() {
        List<String> lines = new java.util.ArrayList<>(TestResources.lines("tatoeba-100.ar"));
        lines.addAll(TestResources.lines("tico19-100.ar"));
        String paragraph = String.join(" ", lines);

        SegmentedText segmented = segmenter.segment(paragraph);

        assertCoversSourceExactly(segmented);
        List<Integer> ends = segmented.segments().stream().map(Segment::end).toList();
        int offset = 0;
        for (String line : lines) {
            String trimmed = line.strip();
            int lineEnd = offset + line.indexOf(trimmed) + trimmed.length();
            if (trimmed.matches(".*[.?!؟]$")) {
                assertThat(ends).as("a segment ends with: %s", line).contains(lineEnd);
            }
            offset += line.length() + 1;
        }
    }

    @Test
    void testSetSentencesRespectASmallTokenLimit() {
        Segmenter small = new Segmenter(normalizer, estimate, 10);
        for (String line : TestResources.lines("tico19-100.ar")) {
            SegmentedText segmented = small.segment(line);
            assertCoversSourceExactly(segmented);
            assertThat(segmented.segments())
                    .allSatisfy(s -> assertThat(estimate.count(normalizer.normalize(s.text()))).isLessThanOrEqualTo(10));
        }
    }

    @Test
    void emptyAndBlankTextsHaveNoSegments() {
        assertThat(segmenter.segment("").segments()).isEmpty();
        SegmentedText blank = segmenter.segment(" \n\u200f\n ");
        assertThat(blank.segments()).isEmpty();
        assertThat(blank.trailingGap()).isEqualTo(" \n\u200f\n ");
    }
}
