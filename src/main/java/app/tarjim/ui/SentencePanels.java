package app.tarjim.ui;

import app.tarjim.article.StoredArticle;
import app.tarjim.article.StoredSentence;
import app.tarjim.pipeline.text.Segment;
import app.tarjim.pipeline.text.SegmentedText;
import app.tarjim.pipeline.translate.TranslatedSentence;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Arabic source and English side by side, one span per sentence on each side, paired by a
 * {@code data-sid} attribute so that hovering or selecting a sentence lights up its counterpart.
 */
public class SentencePanels extends Div {

    private final Div source = new Div();
    private final Div target = new Div();
    private final Map<Integer, Span> targetSpans = new HashMap<>();

    public SentencePanels() {
        addClassName("panels");
        source.addClassNames("panel", "source-panel");
        source.getElement().setAttribute("dir", "rtl");
        source.getElement().setAttribute("lang", "ar");
        target.addClassNames("panel", "target-panel");
        target.getElement().setAttribute("lang", "en");
        add(column("Arabic source", source), column("English", target));
    }

    private static Div column(String heading, Div body) {
        Div column = new Div(new H2(heading), body);
        column.addClassName("panel-column");
        return column;
    }

    public Div sourcePanel() {
        return source;
    }

    public Div targetPanel() {
        return target;
    }

    public void clear() {
        source.removeAll();
        target.removeAll();
        targetSpans.clear();
    }

    /** Lays out every source sentence at once, with a waiting placeholder on the English side. */
    public void showSegments(SegmentedText text) {
        clear();
        for (List<Segment> paragraph : text.paragraphs()) {
            Div sourceParagraph = paragraph("source-paragraph");
            Div targetParagraph = paragraph("target-paragraph");
            for (Segment segment : paragraph) {
                sourceParagraph.add(sentence(segment.index(), segment.text()));
                Span pending = sentence(segment.index(), "…");
                pending.addClassName("pending");
                targetParagraph.add(pending);
                targetSpans.put(segment.index(), pending);
            }
            source.add(sourceParagraph);
            target.add(targetParagraph);
        }
    }

    public void showSentence(TranslatedSentence sentence) {
        Span span = targetSpans.get(sentence.index());
        if (span == null) {
            return;
        }
        span.removeClassName("pending");
        fill(span, sentence.target(), sentence.confidence(), sentence.flagged());
    }

    /** A stored article: both sides from its sentences, paragraphs kept. */
    public void showStored(StoredArticle article) {
        clear();
        Div sourceParagraph = null;
        Div targetParagraph = null;
        int currentParagraph = -1;
        for (StoredSentence s : article.sentences()) {
            if (s.paragraphIndex() != currentParagraph) {
                currentParagraph = s.paragraphIndex();
                sourceParagraph = paragraph("source-paragraph");
                targetParagraph = paragraph("target-paragraph");
                source.add(sourceParagraph);
                target.add(targetParagraph);
            }
            sourceParagraph.add(sentence(s.sentenceIndex(), s.source()));
            Span english = sentence(s.sentenceIndex(), s.target());
            fill(english, s.target(), s.confidence(), s.flagged());
            targetParagraph.add(english);
            targetSpans.put(s.sentenceIndex(), english);
        }
    }

    private static void fill(Span span, String text, double confidence, boolean flagged) {
        span.setText(text);
        span.getElement().setAttribute("data-confidence", String.format(Locale.ROOT, "%.2f", confidence));
        if (flagged) {
            span.addClassName("flagged");
            span.getElement().setAttribute("title", String.format(Locale.ROOT,
                    "Confidence %.0f%%: doubtful, check this sentence against the source", confidence * 100));
        } else {
            span.getElement().setAttribute("title", String.format(Locale.ROOT, "Confidence %.0f%%", confidence * 100));
        }
    }

    private static Div paragraph(String className) {
        Div div = new Div();
        div.addClassName(className);
        return div;
    }

    private static Span sentence(int index, String text) {
        Span span = new Span(text);
        span.addClassName("sentence");
        span.getElement().setAttribute("data-sid", Integer.toString(index));
        span.getElement().setAttribute("tabindex", "0");
        return span;
    }

    public long flaggedCount() {
        return targetSpans.values().stream().filter(s -> s.hasClassName("flagged")).count();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // Highlight a sentence and its counterpart on hover, keep it on click (small client behaviour via executeJs).
        getElement().executeJs("""
                const root = this;
                if (root.__tarjimPaired) return;
                root.__tarjimPaired = true;
                const mark = (sid, cls, on) => root.querySelectorAll('[data-sid="' + sid + '"]')
                    .forEach(e => e.classList.toggle(cls, on));
                root.addEventListener('mouseover', e => { const s = e.target.closest('[data-sid]'); if (s) mark(s.dataset.sid, 'hl', true); });
                root.addEventListener('mouseout', e => { const s = e.target.closest('[data-sid]'); if (s) mark(s.dataset.sid, 'hl', false); });
                root.addEventListener('click', e => {
                    const s = e.target.closest('[data-sid]');
                    root.querySelectorAll('.selected').forEach(x => x.classList.remove('selected'));
                    if (s) mark(s.dataset.sid, 'selected', true);
                });
                """);
    }
}
