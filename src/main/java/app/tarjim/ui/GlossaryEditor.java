package app.tarjim.ui;

import app.tarjim.pipeline.glossary.Glossary;
import app.tarjim.pipeline.glossary.GlossaryCsvReader;
import app.tarjim.pipeline.glossary.GlossaryFormatException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The glossary box with CSV upload and download beside it (the {@link GlossaryCsvReader} format:
 * {@code arabic,english} a line). What is typed or uploaded is kept for this browser across reloads.
 */
public class GlossaryEditor extends Div {

    private final BrowserGlossaries store;
    private final String owner;
    final TextArea box = new TextArea();
    final Upload upload = new Upload();
    final Anchor download;
    final Span message = new Span();

    public GlossaryEditor(BrowserGlossaries store, String owner) {
        this.store = store;
        this.owner = owner;
        addClassName("glossary-editor");
        box.setLabel("Glossary: one term a line, arabic,english");
        box.setPlaceholder("زكريا ملاحفجي,Zakaria Malahefji");
        box.setWidthFull();
        box.getElement().setAttribute("dir", "auto"); // lines start with the Arabic term
        box.setMaxLength(BrowserGlossaries.MAX_CHARS);
        box.setValue(store.find(owner).orElse(""));
        // Saved as it is typed (after a pause), so a reload or the download link never sees an older text.
        box.setValueChangeMode(ValueChangeMode.LAZY);
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                save(e.getValue());
            }
        });

        CsvUploads.accept(upload, BrowserGlossaries.MAX_CHARS, this::load);
        upload.setDropLabel(new Span("Glossary CSV"));
        upload.setUploadButton(new com.vaadin.flow.component.button.Button("Upload CSV…"));
        upload.addClassName("glossary-upload");

        download = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = box.getValue().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "glossary.csv", "text/csv; charset=utf-8",
                    bytes.length);
        }), AttachmentType.DOWNLOAD, "Download CSV");
        download.addClassName("glossary-download");
        message.addClassName("glossary-message");
        message.getElement().setAttribute("role", "status");

        Div files = new Div(upload, download, message);
        files.addClassName("glossary-files");
        add(box, files);
    }

    /** Shows the glossary as stored again, after a term was added elsewhere (an edit's offer, the Glossary page). */
    public void reload() {
        box.setValue(store.find(owner).orElse(""));
    }

    /** The glossary as typed, or an exception saying which line is wrong. */
    public Glossary glossary() {
        String text = box.getValue();
        return text.isBlank() ? Glossary.EMPTY : new GlossaryCsvReader().read(new StringReader(text));
    }

    /** A CSV file: checked with the same reader the translation uses; a broken one leaves the box alone. */
    void load(String fileName, byte[] bytes) {
        java.util.Optional<String> decoded = CsvUploads.utf8(bytes);
        if (decoded.isEmpty()) {
            message.setText(fileName + " is not UTF-8 text; save the glossary as CSV UTF-8.");
            return;
        }
        String text = decoded.get();
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (text.length() > BrowserGlossaries.MAX_CHARS) {
            message.setText(fileName + " is longer than " + BrowserGlossaries.MAX_CHARS + " characters.");
            return;
        }
        Glossary terms;
        try {
            terms = new GlossaryCsvReader().read(new StringReader(text));
        } catch (GlossaryFormatException e) {
            message.setText(fileName + ": " + e.getMessage());
            return;
        }
        box.setValue(text);
        save(text);
        message.setText("Loaded " + terms.entries().size() + " terms from " + fileName + ".");
    }

    private void save(String text) {
        try {
            store.save(owner, text);
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
        }
    }
}
