package app.tarjim.document.in;

import java.util.Optional;

/**
 * Text taken out of a document: paragraphs separated by one blank line, plus the title when the format
 * carries one (an HTML heading or title, DOCX/PDF document properties).
 */
public record ExtractedDocument(String title, String text) {

    public ExtractedDocument {
        title = title == null || title.isBlank() ? null : title.strip();
        text = text == null ? "" : text;
    }

    public Optional<String> optionalTitle() {
        return Optional.ofNullable(title);
    }
}
