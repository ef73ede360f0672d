package app.tarjim.pipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignRunsTest {

    private static List<String> runs(String text) {
        return ForeignRuns.in(text).stream().map(run -> run.of(text)).toList();
    }

    @Test
    void anEnglishQuoteWithCodeIsOneRunWithoutTheColonAndArabicCommaAroundIt() {
        String text = "نشر الباحث تغريدة قال فيها: \"The bug lets anyone inject <script>alert(1)</script> here\"، "
                + "وأكدت الشركة أنها أصلحت الخلل.";

        assertThat(runs(text)).containsExactly("\"The bug lets anyone inject <script>alert(1)</script> here\"");
    }

    @Test
    void namesUrlsAndHandlesBetweenArabicWordsAreRuns() {
        assertThat(runs("التقى Joe Biden بالوفد ثم كتب على @WhiteHouse رابط https://wh.gov/a?b=1 للبيان."))
                .containsExactly("Joe Biden", "@WhiteHouse", "https://wh.gov/a?b=1");
    }

    @Test
    void digitsAndPunctuationBetweenArabicWordsAreNotRuns() {
        assertThat(runs("وقع ذلك عام 2016 (بحسب المصدر) - أي قبل 3.5 سنوات.")).isEmpty();
        assertThat(runs("حلب")).isEmpty();
        assertThat(runs("")).isEmpty();
    }

    @Test
    void aTextWithoutArabicIsOneRun() {
        assertThat(runs("  Hello, world!  ")).containsExactly("Hello, world!");
    }

    @Test
    void arabicMeansArabicLettersOrDigitsNotArabicPunctuation() {
        assertThat(ForeignRuns.hasArabic("جملة")).isTrue();
        assertThat(ForeignRuns.hasArabic("٢٠١٦")).isTrue();
        assertThat(ForeignRuns.hasArabic("Hello، world؟")).isFalse();
        assertThat(ForeignRuns.hasArabic("<script>alert(1)</script>")).isFalse();
        assertThat(ForeignRuns.hasArabic("2016")).isFalse();
    }
}
