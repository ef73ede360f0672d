package app.tarjim.ui;

import app.tarjim.article.StoredArticle;
import app.tarjim.article.StoredSentence;
import app.tarjim.pipeline.text.Segment;
import app.tarjim.pipeline.text.SegmentedText;
import app.tarjim.pipeline.translate.TranslatedSentence;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * The article read side by side: one grid row per paragraph (headline, dateline and captions are paragraphs
 * too), the Arabic cell and its English cell in the same row, so sentence N and its translation are always
 * on screen together. On a phone the rows stack Arabic-then-English, with an "English only" switch.
 * <p>
 * The article is one Tab stop: the first English sentence takes Tab, arrow keys move between sentences
 * (roving tabindex, see {@link #CLIENT_BEHAVIOUR}); hover, focus and tap light the counterpart.
 */
public class PairedReadingView extends Div {

    /** Phone layout threshold; the same figure is in styles.css. */
    static final String PHONE_QUERY = "(max-width: 699px)";

    /** How the rows are shown on a phone. */
    enum Mode {
        BOTH("Both"), ENGLISH_ONLY("English only");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    private final Div rows = new Div();
    private final Map<Integer, SentencePair> pairs = new HashMap<>();
    private boolean scrolledToFirst;
    /** Opens the editor of an English sentence; null while the article is not finished (nothing to edit yet). */
    private IntConsumer opener;
    private SentenceEditor openEditor;

    public PairedReadingView() {
        addClassName("reading");
        setId("reading");
        H2 heading = new H2("Translation");
        heading.setId("reading-heading");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-labelledby", "reading-heading");

        mode.setLabel("Show");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(Mode::label);
        mode.setValue(Mode.BOTH);
        mode.addClassName("reading-mode");
        mode.addValueChangeListener(e -> setClassName("english-only", e.getValue() == Mode.ENGLISH_ONLY));

        Span hint = new Span("Use the arrow keys to move between sentences: up and down within a language,"
                + " left and right to the other language.");
        hint.setId("reading-keys");
        hint.addClassName("visually-hidden");

        Div columnHeads = new Div(head("Arabic source", "ar"), head("English", "en"));
        columnHeads.addClassName("reading-heads");
        columnHeads.getElement().setAttribute("aria-hidden", "true");
        rows.addClassName("reading-rows");
        add(heading, mode, hint, columnHeads, rows);
        setVisible(false);
    }

    private static Div head(String text, String lang) {
        Div head = new Div(new Span(text));
        head.addClassName("reading-head");
        head.getElement().setAttribute("data-lang", lang);
        return head;
    }

    public void clear() {
        opener = null;
        openEditor = null;
        rows.removeAll();
        pairs.clear();
        scrolledToFirst = false;
        setVisible(false);
    }

    /** Lays out every source sentence at once, with a waiting placeholder on the English side. */
    public void showSegments(SegmentedText text) {
        clear();
        for (List<Segment> paragraph : text.paragraphs()) {
            Row row = row(paragraph.get(0).paragraph());
            for (Segment segment : paragraph) {
                Span english = sentence(segment.index(), "…");
                english.addClassName("pending");
                english.getElement().setAttribute("aria-busy", "true");
                row.add(segment.index(), sentence(segment.index(), segment.text()), english);
            }
        }
        firstTabStop();
        setVisible(true);
    }

    /** Fills in one English sentence as it arrives; the first one is scrolled into view on a phone. */
    public void showSentence(TranslatedSentence sentence) {
        SentencePair pair = pairs.get(sentence.index());
        if (pair == null) {
            return;
        }
        pair.target().removeClassName("pending");
        pair.target().getElement().removeAttribute("aria-busy");
        pair.fill(sentence.target(), sentence.confidence(), sentence.flagged());
        if (!scrolledToFirst) {
            scrolledToFirst = true;
            pair.target().getElement().executeJs(
                    "if (window.matchMedia($0).matches) this.scrollIntoView({block: 'center', behavior: 'smooth'})",
                    PHONE_QUERY);
        }
    }

    /**
     * A stored article: both sides from its sentences, one row per paragraph. When its sentences just
     * streamed in, the rows stay and are only brought up to date, so focus, selection and scroll stay put.
     */
    public void showStored(StoredArticle article) {
        if (!pairs.isEmpty() && article.sentences().size() == pairs.size()
                && article.sentences().stream().allMatch(s -> pairs.containsKey(s.sentenceIndex()))) {
            for (StoredSentence s : article.sentences()) {
                SentencePair pair = pairs.get(s.sentenceIndex());
                pair.target().removeClassName("pending");
                pair.target().getElement().removeAttribute("aria-busy");
                pair.fill(s.target(), s.confidence(), s.flagged());
                pair.showEdit(s);
            }
            setVisible(true);
            return;
        }
        clear();
        Map<Integer, Row> byParagraph = new LinkedHashMap<>();
        // Reading order whatever order they were stored in (results are saved as sentences finish).
        List<StoredSentence> ordered = article.sentences().stream()
                .sorted(Comparator.comparingInt(StoredSentence::paragraphIndex)
                        .thenComparingInt(StoredSentence::sentenceIndex)).toList();
        for (StoredSentence s : ordered) {
            Row row = byParagraph.computeIfAbsent(s.paragraphIndex(), this::row);
            row.add(s.sentenceIndex(), sentence(s.sentenceIndex(), s.source()), sentence(s.sentenceIndex(), ""));
            pairs.get(s.sentenceIndex()).fill(s.target(), s.confidence(), s.flagged());
            pairs.get(s.sentenceIndex()).showEdit(s);
        }
        scrolledToFirst = true; // nothing streams in: leave the page where the reader is
        firstTabStop();
        setVisible(!pairs.isEmpty());
    }

    /**
     * Lets people open English sentences (click, tap, or Enter on one) to see alternatives and edit them;
     * {@code open} gets the sentence's index.
     */
    public void enableEditing(IntConsumer open) {
        this.opener = open;
        pairs.values().forEach(pair -> pair.target().getElement().setAttribute("aria-description",
                "Press Enter for other translations and to edit"));
    }

    /** A sentence as now stored (after an edit or undo): its text, edited mark and flag. */
    public void update(StoredSentence sentence) {
        pair(sentence.sentenceIndex()).ifPresent(pair -> {
            pair.fill(sentence.target(), sentence.confidence(), sentence.flagged());
            pair.showEdit(sentence);
        });
    }

    /** Shows {@code editor} under its sentence, with the sentence and its Arabic highlighted; closes any other. */
    void openEditor(SentenceEditor editor) {
        closeEditor();
        pair(editor.sentence().sentenceIndex()).ifPresent(pair -> {
            openEditor = editor;
            pair.source().addClassName("editing");
            pair.target().addClassName("editing");
            pair.targetCell.addComponentAtIndex(pair.targetCell.indexOf(pair.lastPiece()) + 1, editor);
        });
    }

    /** Closes the open editor, if any, and gives focus back to its sentence. */
    void closeEditor() {
        if (openEditor == null) {
            return;
        }
        SentenceEditor closing = openEditor;
        openEditor = null;
        pair(closing.sentence().sentenceIndex()).ifPresent(pair -> {
            pair.source().removeClassName("editing");
            pair.target().removeClassName("editing");
            pair.target().getElement().callJsFunction("focus");
        });
        closing.removeFromParent();
    }

    Optional<SentenceEditor> editor() {
        return Optional.ofNullable(openEditor);
    }

    /** The rows, in reading order. */
    List<Div> rows() {
        return rows.getChildren().map(Div.class::cast).toList();
    }

    Optional<SentencePair> pair(int sentenceIndex) {
        return Optional.ofNullable(pairs.get(sentenceIndex));
    }

    public long flaggedCount() {
        return pairs.values().stream().filter(p -> p.target().hasClassName("flagged")).count();
    }

    Stream<SentencePair> pairs() {
        return pairs.values().stream();
    }

    private Row row(int paragraph) {
        Div source = new Div();
        source.addClassNames("pair-cell", "source-cell");
        source.getElement().setAttribute("dir", "rtl");
        source.getElement().setAttribute("lang", "ar");
        Div target = new Div();
        target.addClassNames("pair-cell", "target-cell");
        target.getElement().setAttribute("dir", "ltr");
        target.getElement().setAttribute("lang", "en");
        Div row = new Div(source, target);
        row.addClassName("pair-row");
        row.getElement().setAttribute("data-paragraph", Integer.toString(paragraph));
        rows.add(row);
        return new Row(source, target);
    }

    /** The two cells of one paragraph row. */
    private final class Row {
        private final Div source;
        private final Div target;

        private Row(Div source, Div target) {
            this.source = source;
            this.target = target;
        }

        void add(int index, Span arabic, Span english) {
            source.add(arabic);
            target.add(english);
            pairs.put(index, new SentencePair(index, arabic, english, target));
            // Click/tap or Enter on an English sentence opens its alternatives and editor, once there is a result.
            english.addClickListener(e -> open(index));
            Shortcuts.addShortcutListener(english, () -> open(index), Key.ENTER).listenOn(english);
        }
    }

    private void open(int index) {
        if (opener != null && (openEditor == null || openEditor.sentence().sentenceIndex() != index)) {
            opener.accept(index);
        }
    }

    /** One Tab stop for the whole article: the first English sentence (the reader's language). */
    private void firstTabStop() {
        pairs.values().stream().min((a, b) -> Integer.compare(a.index(), b.index()))
                .ifPresent(first -> first.target().getElement().setAttribute("tabindex", "0"));
    }

    private static Span sentence(int index, String text) {
        Span span = new Span(text);
        span.addClassName("sentence");
        span.getElement().setAttribute("data-sid", Integer.toString(index));
        span.getElement().setAttribute("tabindex", "-1");
        span.getElement().setAttribute("aria-describedby", "reading-keys");
        return span;
    }

    static String percent(double confidence) {
        return String.format(Locale.ROOT, "%.0f%%", confidence * 100);
    }

    /**
     * Client behaviour, bound once to the view's element: hover and focus light a sentence and its
     * counterpart, a click or tap keeps them lit, arrow keys move the single Tab stop, Enter opens a
     * flagged sentence's confidence panel.
     */
    static final String CLIENT_BEHAVIOUR = """
            const root = this;
            if (root.__tarjimPaired) return;
            root.__tarjimPaired = true;
            const sentenceOf = e => e.target.closest && e.target.closest('.sentence[data-sid]');
            const mark = (sid, cls, on) => root.querySelectorAll('.sentence[data-sid="' + sid + '"]')
                .forEach(e => e.classList.toggle(cls, on));
            root.addEventListener('mouseover', e => { const s = sentenceOf(e); if (s) mark(s.dataset.sid, 'hl', true); });
            root.addEventListener('mouseout', e => { const s = sentenceOf(e); if (s) mark(s.dataset.sid, 'hl', false); });
            root.addEventListener('focusin', e => { const s = sentenceOf(e); if (s) mark(s.dataset.sid, 'hl', true); });
            root.addEventListener('focusout', e => { const s = sentenceOf(e); if (s) mark(s.dataset.sid, 'hl', false); });
            root.addEventListener('click', e => {
                const s = sentenceOf(e);
                if (!s) return;
                root.querySelectorAll('.sentence.selected').forEach(x => x.classList.remove('selected'));
                mark(s.dataset.sid, 'selected', true);
                move(s, s);
            });
            const side = s => s.closest('.source-cell') ? '.source-cell' : '.target-cell';
            const visible = e => e.offsetParent !== null;
            const move = (from, to) => {
                if (!to) return;
                root.querySelectorAll('.sentence[tabindex="0"]').forEach(x => x.setAttribute('tabindex', '-1'));
                to.setAttribute('tabindex', '0');
                if (to !== document.activeElement) to.focus();
            };
            root.addEventListener('keydown', e => {
                const s = sentenceOf(e);
                if (!s) return;
                const same = [...root.querySelectorAll(side(s) + ' .sentence')].filter(visible);
                const at = same.indexOf(s);
                const other = [...root.querySelectorAll('.sentence[data-sid="' + s.dataset.sid + '"]')]
                    .find(x => x !== s && visible(x));
                let to = null;
                switch (e.key) {
                    case 'ArrowDown': to = same[at + 1]; break;
                    case 'ArrowUp': to = same[at - 1]; break;
                    case 'Home': to = same[0]; break;
                    case 'End': to = same[same.length - 1]; break;
                    case 'ArrowLeft': case 'ArrowRight': to = other; break;
                    case 'Enter': case ' ': {
                        const marker = root.querySelector('.confidence-marker[data-for="' + s.dataset.sid + '"]');
                        if (marker) marker.click();
                        mark(s.dataset.sid, 'selected', true);
                        e.preventDefault();
                        return;
                    }
                    default: return;
                }
                e.preventDefault();
                move(s, to);
            });
            """;

    @Override
    protected void onAttach(AttachEvent event) {
        getElement().executeJs(CLIENT_BEHAVIOUR);
    }

    /** Sentence N on both sides, and the English cell it sits in (where its confidence marker goes). */
    static final class SentencePair {
        private final int index;
        private final Span source;
        private final Span target;
        private final Div targetCell;
        private NativeButton marker;
        private Span panel;

        SentencePair(int index, Span source, Span target, Div targetCell) {
            this.index = index;
            this.source = source;
            this.target = target;
            this.targetCell = targetCell;
        }

        int index() {
            return index;
        }

        Span source() {
            return source;
        }

        Span target() {
            return target;
        }

        Optional<NativeButton> marker() {
            return Optional.ofNullable(marker);
        }

        Optional<Span> panel() {
            return Optional.ofNullable(panel);
        }

        /** The last thing shown after the sentence in its cell (the sentence, or its confidence panel). */
        Component lastPiece() {
            return panel != null ? panel : target;
        }

        /** Marks a sentence a person edited (the machine's text in its tooltip); an edit also clears the flag. */
        void showEdit(StoredSentence sentence) {
            target.setClassName("edited", sentence.edited());
            if (sentence.edited()) {
                target.getElement().setAttribute("title", "Edited by a person. Machine translation: "
                        + sentence.machineTarget());
                target.getElement().setAttribute("data-edited", "true");
            } else {
                target.getElement().removeAttribute("title");
                target.getElement().removeAttribute("data-edited");
            }
            if (!sentence.flagged() && marker != null) {
                target.removeClassName("flagged");
                marker.removeFromParent();
                panel.removeFromParent();
                marker = null;
                panel = null;
            }
        }

        void fill(String text, double confidence, boolean flagged) {
            target.setText(text);
            target.getElement().setAttribute("data-confidence", String.format(Locale.ROOT, "%.2f", confidence));
            if (flagged && marker == null) {
                target.addClassName("flagged");
                addMarker(confidence);
            }
        }

        /** A visible, clickable mark after a doubtful sentence; it opens a small panel with the figure. */
        private void addMarker(double confidence) {
            String panelId = "confidence-" + index;
            panel = new Span("Confidence " + percent(confidence)
                    + ": doubtful, check this sentence against the Arabic.");
            panel.addClassName("confidence-panel");
            panel.setId(panelId);
            panel.setVisible(false);
            marker = new NativeButton("!");
            marker.addClassName("confidence-marker");
            marker.getElement().setAttribute("data-for", Integer.toString(index));
            marker.getElement().setAttribute("aria-label", "Low confidence: show the figure");
            marker.getElement().setAttribute("aria-expanded", "false");
            marker.getElement().setAttribute("aria-controls", panelId);
            // Enter on the focused sentence opens it, so the marker need not be one more Tab stop.
            marker.getElement().setAttribute("tabindex", "-1");
            marker.addClickListener(e -> togglePanel());
            int at = targetCell.indexOf(target);
            targetCell.addComponentAtIndex(at + 1, marker);
            targetCell.addComponentAtIndex(at + 2, panel);
        }

        void togglePanel() {
            boolean open = !panel.isVisible();
            panel.setVisible(open);
            marker.getElement().setAttribute("aria-expanded", Boolean.toString(open));
        }
    }
}
