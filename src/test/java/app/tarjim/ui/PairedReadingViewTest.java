package app.tarjim.ui;

import app.tarjim.article.ArticleStatus;
import app.tarjim.article.ModelsUsed;
import app.tarjim.article.StoredArticle;
import app.tarjim.article.StoredSentence;
import app.tarjim.pipeline.text.Segment;
import app.tarjim.pipeline.text.SegmentedText;
import app.tarjim.pipeline.translate.TranslatedSentence;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The paired rows, streaming, the confidence marker and the single Tab stop, rendered by Karibu-Testing. */
class PairedReadingViewTest {

    private static final String SOURCE = "حلب تحت الحصار\nقال مسؤولون إن القتال اشتد. وأضافوا أن المدنيين يغادرون.\nوتستمر المفاوضات.";

    private PairedReadingView view;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        view = new PairedReadingView();
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void streamingPutsEachParagraphInOneRowAndFillsTheEnglishAsItArrives() {
        view.showSegments(segmented());

        assertThat(view.isVisible()).isTrue();
        List<Div> rows = view.rows();
        assertThat(rows).hasSize(3);
        assertThat(sids(rows.get(1), "source-cell")).containsExactly("1", "2");
        assertThat(sids(rows.get(1), "target-cell")).containsExactly("1", "2");
        assertThat(cell(rows.get(1), "source-cell").getAttribute("dir")).isEqualTo("rtl");
        assertThat(cell(rows.get(1), "source-cell").getAttribute("lang")).isEqualTo("ar");
        assertThat(cell(rows.get(1), "target-cell").getAttribute("lang")).isEqualTo("en");
        assertThat(cell(rows.get(1), "source-cell").getTextRecursively()).contains("وأضافوا أن المدنيين يغادرون.");
        assertThat(cell(rows.get(1), "target-cell").getTextRecursively()).isEqualTo("……");

        view.showSentence(new TranslatedSentence(1, 2, "وأضافوا أن المدنيين يغادرون.", "They added that civilians are leaving.",
                0.93, false));

        PairedReadingView.SentencePair second = view.pair(2).orElseThrow();
        assertThat(second.target().getText()).isEqualTo("They added that civilians are leaving.");
        assertThat(second.target().hasClassName("pending")).isFalse();
        assertThat(view.pair(1).orElseThrow().target().hasClassName("pending")).isTrue();
        assertThat(second.marker()).isEmpty();
    }

    @Test
    void aFlaggedSentenceHasAMarkerThatOpensAPanelWithTheFigure() {
        view.showSegments(segmented());
        view.showSentence(new TranslatedSentence(1, 1, "قال مسؤولون إن القتال اشتد.", "Officials said fighting grew.",
                0.42, true));

        PairedReadingView.SentencePair flagged = view.pair(1).orElseThrow();
        assertThat(flagged.target().hasClassName("flagged")).isTrue();
        assertThat(flagged.target().getElement().hasAttribute("title")).isFalse(); // not a hover-only tooltip
        var marker = flagged.marker().orElseThrow();
        var panel = flagged.panel().orElseThrow();
        // The marker follows its sentence in the same English cell, so it is on screen with it.
        assertThat(marker.getParent()).containsSame(flagged.target().getParent().orElseThrow());
        assertThat(marker.getElement().getAttribute("aria-controls")).isEqualTo(panel.getId().orElseThrow());
        assertThat(panel.isVisible()).isFalse();

        LocatorJ._click(marker);
        assertThat(panel.isVisible()).isTrue();
        assertThat(panel.getText()).startsWith("Confidence 42%");
        assertThat(marker.getElement().getAttribute("aria-expanded")).isEqualTo("true");

        LocatorJ._click(marker);
        assertThat(panel.isVisible()).isFalse();
        assertThat(marker.getElement().getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(view.flaggedCount()).isEqualTo(1);
    }

    @Test
    void aStoredArticleHasOneRowPerParagraphInReadingOrderAndOneTabStop() {
        view.showStored(stored(List.of(
                new StoredSentence(1, 2, "وأضافوا أن المدنيين يغادرون.", "They added that civilians are leaving.", 0.42, true),
                new StoredSentence(0, 0, "حلب تحت الحصار", "Aleppo under siege", 0.93, false),
                new StoredSentence(1, 1, "قال مسؤولون إن القتال اشتد.", "Officials said fighting grew.", 0.88, false),
                new StoredSentence(2, 3, "وتستمر المفاوضات.", "Negotiations continue.", 0.9, false))));

        List<Div> rows = view.rows();
        assertThat(rows).extracting(r -> r.getElement().getAttribute("data-paragraph")).containsExactly("0", "1", "2");
        for (Div row : rows) {
            assertThat(sids(row, "target-cell")).isEqualTo(sids(row, "source-cell")).isNotEmpty();
        }
        List<Element> tabStops = view.pairs().flatMap(p -> List.of(p.source(), p.target()).stream())
                .map(Component::getElement).filter(e -> "0".equals(e.getAttribute("tabindex"))).toList();
        assertThat(tabStops).containsExactly(view.pair(0).orElseThrow().target().getElement());
        assertThat(view.pair(2).orElseThrow().marker()).isPresent();
    }

    @Test
    void finishingAStreamedArticleKeepsItsRowsSoFocusAndScrollStay() {
        view.showSegments(segmented());
        var streamedSpan = view.pair(3).orElseThrow().target();

        view.showStored(stored(List.of(
                new StoredSentence(0, 0, "حلب تحت الحصار", "Aleppo under siege", 0.93, false),
                new StoredSentence(1, 1, "قال مسؤولون إن القتال اشتد.", "Officials said fighting grew.", 0.88, false),
                new StoredSentence(1, 2, "وأضافوا أن المدنيين يغادرون.", "They added that civilians are leaving.", 0.42, true),
                new StoredSentence(2, 3, "وتستمر المفاوضات.", "Negotiations continue.", 0.9, false))));

        assertThat(view.pair(3).orElseThrow().target()).isSameAs(streamedSpan);
        assertThat(streamedSpan.getText()).isEqualTo("Negotiations continue.");
        assertThat(streamedSpan.hasClassName("pending")).isFalse();
        assertThat(view.pair(2).orElseThrow().marker()).isPresent();
        assertThat(view.rows()).hasSize(3);
    }

    @Test
    void englishOnlyIsAClassTheStylesheetUsesOnPhones() {
        view.mode.setValue(PairedReadingView.Mode.ENGLISH_ONLY);
        assertThat(view.hasClassName("english-only")).isTrue();
        view.mode.setValue(PairedReadingView.Mode.BOTH);
        assertThat(view.hasClassName("english-only")).isFalse();
    }

    @Test
    void clearHidesEverything() {
        view.showSegments(segmented());
        view.clear();
        assertThat(view.rows()).isEmpty();
        assertThat(view.pair(0)).isEmpty();
        assertThat(view.isVisible()).isFalse();
    }

    private static SegmentedText segmented() {
        String[] parts = {"حلب تحت الحصار", "قال مسؤولون إن القتال اشتد.", "وأضافوا أن المدنيين يغادرون.", "وتستمر المفاوضات."};
        int[] paragraphs = {0, 1, 1, 2};
        List<Segment> segments = new java.util.ArrayList<>();
        int from = 0;
        for (int i = 0; i < parts.length; i++) {
            int start = SOURCE.indexOf(parts[i], from);
            segments.add(new Segment(i, paragraphs[i], start, start + parts[i].length(), parts[i]));
            from = start + parts[i].length();
        }
        return new SegmentedText(SOURCE, segments);
    }

    private static StoredArticle stored(List<StoredSentence> sentences) {
        Instant now = Instant.now();
        return new StoredArticle(UUID.randomUUID(), "owner", "حلب تحت الحصار", SOURCE, sentences, "", null, "MEDIUM",
                new ModelsUsed(null, null), false, ArticleStatus.DONE, null, now, now);
    }

    private static Element cell(Div row, String className) {
        return row.getElement().getChildren().filter(e -> e.getClassList().contains(className)).findFirst().orElseThrow();
    }

    private static List<String> sids(Div row, String className) {
        return cell(row, className).getChildren().filter(e -> e.getClassList().contains("sentence"))
                .map(e -> e.getAttribute("data-sid")).toList();
    }
}
