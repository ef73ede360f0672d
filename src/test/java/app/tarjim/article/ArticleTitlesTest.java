package app.tarjim.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleTitlesTest {

    @Test
    void titleIsTheFirstNonBlankLineWithWhitespaceCollapsed() {
        assertThat(ArticleTitles.fromSource("\n \n  حلب   تحت\tالحصار  \nالنص")).isEqualTo("حلب تحت الحصار");
    }

    @Test
    void longHeadlinesAreCutAtAWordWithAnEllipsis() {
        String title = ArticleTitles.fromSource("كلمة ".repeat(60));

        assertThat(title).hasSizeLessThanOrEqualTo(ArticleTitles.MAX_LENGTH).endsWith("كلمة…");
    }

    @Test
    void cuttingNeverSplitsACharacter() {
        String title = ArticleTitles.fromSource("😀".repeat(300));

        assertThat(title.codePointCount(0, title.length())).isEqualTo(ArticleTitles.MAX_LENGTH);
        assertThat(title.substring(0, title.length() - 1).codePoints()).allMatch(cp -> cp == "😀".codePointAt(0));
    }
}
