package app.tarjim.ui;

import app.tarjim.article.UserGlossaries;
import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.glossary.GlossaryEntry;
import app.tarjim.pipeline.glossary.GlossaryFormatException;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * This browser's glossary, term by term: list, add, change, remove, import and export (the CSV format of the
 * translate page's glossary box, {@code arabic,english}). New articles use it unless the box is changed.
 */
@Route("glossary")
@PageTitle("Glossary — Tarjim")
public class GlossaryView extends VerticalLayout {

    /** How an imported file meets the terms already there. */
    enum ImportMode {
        MERGE("Add to my terms (the file wins where both have a term)"), REPLACE("Replace all my terms");

        private final String label;

        ImportMode(String label) {
            this.label = label;
        }
    }

    private final UserGlossaries glossaries;
    private final String owner;
    final Div terms = new Div();
    final Span count = new Span();
    final TextField arabic = new TextField("Arabic term");
    final TextField english = new TextField("English rendering");
    final Button add = new Button("Add term");
    final Span message = new Span();
    final Upload upload = new Upload();
    final RadioButtonGroup<ImportMode> importMode = new RadioButtonGroup<>();

    public GlossaryView(UserGlossaries glossaries) {
        this.glossaries = glossaries;
        this.owner = BrowserOwner.current();
        addClassName("glossary-view");
        setWidthFull();
        getElement().setAttribute("role", "main");

        Anchor back = new Anchor(".", "← Translate");
        H1 title = new H1("Glossary");
        Paragraph about = new Paragraph("Terms your translations always render the same way: names, titles, places."
                + " Your new articles use them. \"Always translate\" after an edit adds terms here.");

        arabic.getElement().setAttribute("dir", "rtl");
        arabic.getElement().setAttribute("lang", "ar");
        arabic.setId("term-arabic");
        english.setId("term-english");
        // Typed text reaches the server before the Enter shortcut reads it.
        arabic.setValueChangeMode(ValueChangeMode.EAGER);
        english.setValueChangeMode(ValueChangeMode.EAGER);
        add.setId("term-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addTerm());
        add.addClickShortcut(Key.ENTER).listenOn(arabic, english);
        Div form = new Div(arabic, english, add);
        form.addClassName("glossary-form");
        message.setId("glossary-message");
        message.getElement().setAttribute("role", "status");
        count.setId("glossary-count");
        terms.addClassName("glossary-terms");
        terms.setId("glossary-terms");

        importMode.setLabel("Import a CSV file (arabic,english a line)");
        importMode.setItems(ImportMode.values());
        importMode.setItemLabelGenerator(mode -> mode.label);
        importMode.setValue(ImportMode.MERGE);
        CsvUploads.accept(upload, UserGlossaries.MAX_CHARS, this::importFile);
        upload.setUploadButton(new Button("Import CSV…"));
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = UserGlossaries.toCsv(glossaries.terms(owner)).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "glossary.csv", "text/csv; charset=utf-8",
                    bytes.length);
        }), AttachmentType.DOWNLOAD, "Export CSV");
        export.setId("glossary-export");
        Div files = new Div(importMode, upload, export);
        files.addClassName("glossary-files");

        add(back, title, about, form, message, count, terms, files);
        refresh();
    }

    /** Lists the terms as stored now. */
    void refresh() {
        terms.removeAll();
        Glossary glossary;
        try {
            glossary = glossaries.terms(owner);
        } catch (GlossaryFormatException e) {
            count.setText("Your glossary has a mistake, so it cannot be listed: " + e.getMessage()
                    + " Fix it in the glossary box of the translate page, or import a corrected file.");
            return;
        }
        count.setText(glossary.isEmpty() ? "No terms yet." : glossary.entries().size() == 1 ? "1 term."
                : glossary.entries().size() + " terms.");
        for (GlossaryEntry entry : glossary.entries()) {
            terms.add(row(entry));
        }
    }

    List<Div> rows() {
        return terms.getChildren().map(Div.class::cast).toList();
    }

    private Div row(GlossaryEntry entry) {
        Span term = new Span(entry.arabic());
        term.addClassName("term-arabic");
        term.getElement().setAttribute("dir", "rtl");
        term.getElement().setAttribute("lang", "ar");
        TextField rendering = new TextField();
        rendering.setValue(entry.english());
        rendering.setValueChangeMode(ValueChangeMode.EAGER);
        rendering.setAriaLabel("English for " + entry.arabic());
        rendering.addClassName("term-english");
        Button save = new Button("Save", e -> change(entry.arabic(), rendering.getValue()));
        save.addThemeVariants(ButtonVariant.LUMO_SMALL);
        save.addClassName("term-save");
        rendering.addKeyDownListener(Key.ENTER, e -> change(entry.arabic(), rendering.getValue()));
        Button remove = new Button("Remove", e -> remove(entry.arabic()));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.addClassName("term-remove");
        Div row = new Div(term, rendering, save, remove);
        row.addClassName("glossary-term");
        return row;
    }

    void addTerm() {
        if (arabic.getValue().isBlank() || english.getValue().isBlank()) {
            message.setText("Type both the Arabic term and its English rendering.");
            return;
        }
        GlossaryEntry entry = new GlossaryEntry(arabic.getValue(), english.getValue());
        if (store(entry)) {
            message.setText("Added «" + entry.arabic() + "» → " + entry.english() + ".");
            arabic.clear();
            english.clear();
            arabic.focus();
        }
    }

    void change(String term, String rendering) {
        if (rendering == null || rendering.isBlank()) {
            message.setText("The English for «" + term + "» cannot be empty; use Remove to drop the term.");
            return;
        }
        if (store(new GlossaryEntry(term, rendering))) {
            message.setText("«" + term + "» is now translated as " + rendering.strip() + ".");
        }
    }

    void remove(String term) {
        try {
            message.setText(glossaries.remove(owner, term) ? "Removed «" + term + "»."
                    : "«" + term + "» was already gone.");
        } catch (GlossaryFormatException | IllegalStateException e) {
            message.setText(e.getMessage());
        }
        refresh();
    }

    private boolean store(GlossaryEntry entry) {
        try {
            glossaries.put(owner, entry);
            refresh();
            return true;
        } catch (GlossaryFormatException | IllegalStateException e) {
            message.setText("Not saved: " + e.getMessage());
            return false;
        }
    }

    void importFile(String fileName, byte[] bytes) {
        java.util.Optional<String> decoded = CsvUploads.utf8(bytes);
        if (decoded.isEmpty()) {
            message.setText(fileName + " is not UTF-8 text; save the glossary as CSV UTF-8.");
            return;
        }
        String text = decoded.get();
        try {
            Glossary result = importMode.getValue() == ImportMode.REPLACE ? glossaries.replace(owner, text)
                    : glossaries.merge(owner, text);
            message.setText("Imported " + fileName + ": the glossary has " + result.entries().size() + " terms.");
        } catch (GlossaryFormatException | IllegalStateException e) {
            message.setText(fileName + " was not imported, your terms are unchanged: " + e.getMessage());
        }
        refresh();
    }
}
