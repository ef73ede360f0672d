package app.tarjim.ui;

import app.tarjim.article.EditRejectedException;
import app.tarjim.article.SentenceAlternatives;
import app.tarjim.article.StaleEditException;
import app.tarjim.article.StoredSentence;
import app.tarjim.pipeline.glossary.GlossaryEntry;
import app.tarjim.pipeline.glossary.GlossaryFormatException;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The panel under an English sentence a person opened (click, tap, or Enter): other translations with the model's
 * confidence, the sentence in an editable box (Enter saves, Esc cancels), undo of its last edit, and after an
 * edit the offer to always translate a term that way (the person's glossary, used by their later articles).
 */
class SentenceEditor extends Div {

    /** What the page does when a sentence changes or the panel closes. */
    interface Listener {
        void saved(StoredSentence sentence);

        void closed();

        void glossaryChanged();
    }

    private final ArticleEditing editing;
    private final UUID articleId;
    private final String owner;
    private final Listener listener;
    private StoredSentence sentence;

    final Div alternatives = new Div();
    final Span alternativesStatus = new Span("Finding other translations…");
    final TextField text = new TextField();
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    final Button undo = new Button("Undo last edit");
    final Span message = new Span();
    final Div offer = new Div();
    final TextField offerArabic = new TextField("Arabic term");
    final TextField offerEnglish = new TextField("English");
    final Button offerAdd = new Button();
    final Div sourceWords = new Div();

    SentenceEditor(ArticleEditing editing, UUID articleId, String owner, StoredSentence sentence, int undoable,
                   Listener listener) {
        this.editing = editing;
        this.articleId = articleId;
        this.owner = owner;
        this.sentence = sentence;
        this.listener = listener;
        addClassName("sentence-editor");
        setId("sentence-editor");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", "Edit sentence " + (sentence.sentenceIndex() + 1));

        alternatives.addClassName("alternatives");
        alternatives.setId("alternatives");
        alternativesStatus.addClassName("alternatives-status");
        alternatives.add(alternativesStatus);

        text.setLabel("Your translation (Enter saves, Esc cancels)");
        text.setValue(sentence.target());
        text.setWidthFull();
        text.setMaxLength(app.tarjim.article.SentenceEdits.MAX_CHARS);
        text.addClassName("sentence-edit-field");
        text.setId("sentence-edit-field");
        // Every keystroke reaches the server, so the Enter shortcut saves what was typed, not the value before it.
        text.setValueChangeMode(ValueChangeMode.EAGER);
        Shortcuts.addShortcutListener(text, this::saveTyped, Key.ENTER).listenOn(text);
        Shortcuts.addShortcutListener(text, listener::closed, Key.ESCAPE).listenOn(text);

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        save.setId("sentence-save");
        save.addClickListener(e -> saveTyped());
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        cancel.setId("sentence-cancel");
        cancel.addClickListener(e -> listener.closed());
        undo.addThemeVariants(ButtonVariant.LUMO_SMALL);
        undo.setId("sentence-undo");
        undo.setEnabled(undoable > 0);
        undo.addClickListener(e -> undo());
        message.addClassName("sentence-edit-message");
        message.setId("sentence-edit-message");
        message.getElement().setAttribute("role", "status");
        Div buttons = new Div(save, cancel, undo);
        buttons.addClassName("button-row");

        buildOffer();
        add(alternatives, text, buttons, message, offer);
    }

    /** Asks for other translations in the background; they are listed when the model has them. */
    void loadAlternatives(UI ui, int n) {
        CompletableFuture.supplyAsync(() -> editing.alternatives().of(articleId, owner, sentence.sentenceIndex(), n))
                .whenComplete((options, error) -> {
                    try {
                        ui.access(() -> showAlternatives(options, error));
                    } catch (UIDetachedException gone) {
                        // The page closed meanwhile.
                    }
                });
    }

    void showAlternatives(List<SentenceAlternatives.Alternative> options, Throwable error) {
        alternatives.removeAll();
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            alternativesStatus.setText("No other translations: " + cause.getMessage());
            alternatives.add(alternativesStatus);
            return;
        }
        if (options.isEmpty()) {
            alternativesStatus.setText("The model has no other translation of this sentence.");
            alternatives.add(alternativesStatus);
            return;
        }
        alternativesStatus.setText("Other translations (choose one to use it):");
        alternatives.add(alternativesStatus);
        for (SentenceAlternatives.Alternative option : options) {
            NativeButton choice = new NativeButton();
            choice.addClassName("alternative");
            Span words = new Span(option.target());
            Span confidence = new Span(PairedReadingView.percent(option.confidence()));
            confidence.addClassName("alternative-confidence");
            confidence.getElement().setAttribute("aria-label", "confidence " + PairedReadingView.percent(option.confidence()));
            choice.add(words, confidence);
            choice.addClickListener(e -> store(option.target()));
            alternatives.add(choice);
        }
    }

    List<NativeButton> alternativeButtons() {
        return alternatives.getChildren().filter(NativeButton.class::isInstance).map(NativeButton.class::cast).toList();
    }

    void focusText() {
        text.focus();
    }

    StoredSentence sentence() {
        return sentence;
    }

    private void saveTyped() {
        store(text.getValue());
    }

    /** Saves {@code target} against the version this panel showed; another tab's newer edit is never overwritten. */
    void store(String target) {
        String before = sentence.target();
        try {
            StoredSentence saved = editing.edits().edit(articleId, owner, sentence.sentenceIndex(), target,
                    sentence.revision(), app.tarjim.security.SignedIn.nameOf(owner));
            boolean changed = saved.revision() != sentence.revision();
            sentence = saved;
            text.setValue(saved.target());
            if (changed) {
                message.setText("Saved. The machine's translation is kept: Undo brings it back.");
                undo.setEnabled(true);
                listener.saved(saved);
                offerTerm(before, saved.target());
            } else {
                message.setText("No change to save.");
            }
        } catch (StaleEditException stale) {
            // Keep what the person typed; show what is stored now and let them save again over it knowingly.
            sentence = stale.current();
            listener.saved(stale.current());
            message.setText("Not saved: this sentence was changed in another tab or by another person. It now reads \""
                    + stale.current().target() + "\". Your text is still in the box: save again to replace it.");
        } catch (IllegalArgumentException | EditRejectedException e) {
            message.setText("Not saved: " + e.getMessage());
        }
    }

    void undo() {
        try {
            StoredSentence restored = editing.edits().undo(articleId, owner, sentence.sentenceIndex(), sentence.revision());
            sentence = restored;
            text.setValue(restored.target());
            undo.setEnabled(editing.edits().editCount(articleId, restored.sentenceIndex()) > 0);
            offer.setVisible(false);
            message.setText(restored.edited() ? "Undone: the earlier edit is back." : "Undone: the machine's translation is back.");
            listener.saved(restored);
        } catch (StaleEditException stale) {
            sentence = stale.current();
            listener.saved(stale.current());
            message.setText("Not undone: this sentence was changed in another tab meanwhile; it now reads \""
                    + stale.current().target() + "\".");
        } catch (EditRejectedException e) {
            undo.setEnabled(false);
            message.setText(e.getMessage());
        }
    }

    private void buildOffer() {
        offer.addClassName("glossary-offer");
        offer.setId("glossary-offer");
        offer.setVisible(false);
        offerArabic.getElement().setAttribute("dir", "rtl");
        offerArabic.getElement().setAttribute("lang", "ar");
        offerArabic.setPlaceholder("pick words below or type");
        offerArabic.setValueChangeMode(ValueChangeMode.EAGER);
        offerEnglish.setValueChangeMode(ValueChangeMode.EAGER);
        offerArabic.addValueChangeListener(e -> labelOffer());
        offerEnglish.addValueChangeListener(e -> labelOffer());
        offerAdd.setId("glossary-offer-add");
        offerAdd.addThemeVariants(ButtonVariant.LUMO_SMALL);
        offerAdd.addClickListener(e -> addTerm());
        sourceWords.addClassName("source-words");
        sourceWords.getElement().setAttribute("dir", "rtl");
        sourceWords.getElement().setAttribute("lang", "ar");
        Div fields = new Div(offerArabic, offerEnglish);
        fields.addClassName("glossary-offer-fields");
        offer.add(fields, sourceWords, offerAdd);
    }

    /** After an edit: the words that changed, ready to become a glossary term once the Arabic is picked. */
    private void offerTerm(String before, String after) {
        String changed = changedWords(before, after);
        if (changed.isBlank()) {
            offer.setVisible(false);
            return;
        }
        offerEnglish.setValue(changed);
        offerArabic.clear();
        sourceWords.removeAll();
        for (String word : sentence.source().split("\\s+")) {
            String bare = word.replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$", "");
            if (bare.isEmpty()) {
                continue;
            }
            NativeButton chip = new NativeButton(bare);
            chip.addClassName("source-word");
            chip.addClickListener(e -> offerArabic.setValue(
                    (offerArabic.getValue().isBlank() ? "" : offerArabic.getValue().strip() + " ") + bare));
            sourceWords.add(chip);
        }
        labelOffer();
        offer.setVisible(true);
    }

    private void labelOffer() {
        String arabic = offerArabic.getValue().strip();
        String english = offerEnglish.getValue().strip();
        offerAdd.setText("Always translate «" + (arabic.isEmpty() ? "…" : arabic) + "» as " + (english.isEmpty() ? "…" : english));
        offerAdd.setEnabled(!arabic.isEmpty() && !english.isEmpty());
    }

    void addTerm() {
        try {
            GlossaryEntry entry = new GlossaryEntry(offerArabic.getValue(), offerEnglish.getValue());
            editing.glossaries().put(owner, entry);
            offer.setVisible(false);
            message.setText("Added to your glossary: your next articles translate «" + entry.arabic() + "» as "
                    + entry.english() + ". Manage terms on the Glossary page.");
            listener.glossaryChanged();
        } catch (IllegalArgumentException | GlossaryFormatException e) {
            message.setText("Not added: " + e.getMessage());
        }
    }

    /** The run of words in {@code after} that differs from {@code before} (common words at both ends dropped). */
    static String changedWords(String before, String after) {
        List<String> a = words(before);
        List<String> b = words(after);
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        return String.join(" ", b.subList(start, endB)).replaceAll("^[\\p{P}]+|[\\p{P}]+$", "");
    }

    private static List<String> words(String text) {
        return new ArrayList<>(Arrays.asList(text.strip().split("\\s+")));
    }
}
