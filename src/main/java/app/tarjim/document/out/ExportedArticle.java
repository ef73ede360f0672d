package app.tarjim.document.out;

import java.util.List;

/**
 * A translated article as the exporters see it; the app maps its own types into this.
 *
 * @param id          stable identifier (batch item id, article id)
 * @param title       may be null
 * @param sourceText  the Arabic text, paragraphs separated by line breaks
 * @param sentences   sentence alignment when known; may be empty, then paragraphs are paired by position
 * @param translation the English text, paragraphs separated by line breaks
 * @param summary     English summary; may be null
 * @param demo        true when produced by the demo engine rather than a real model
 * @param error       why translation failed, or null
 * @param edited      true when a person edited some of the translation; {@code translation} carries the edits
 * @param machineTranslation the model's English as it wrote it (the same as {@code translation} unless edited)
 * @param translationModel   the model that translated it (e.g. Xenova/opus-mt-ar-en), null when unknown or none
 * @param summaryModel       the model that summarized it, null when unknown or none
 */
public record ExportedArticle(String id, String title, String sourceText, List<ExportedSentence> sentences,
                              String translation, String summary, boolean demo, String error, boolean edited,
                              String machineTranslation, String translationModel, String summaryModel) {

    /** An article whose models are not known. */
    public ExportedArticle(String id, String title, String sourceText, List<ExportedSentence> sentences,
                           String translation, String summary, boolean demo, String error, boolean edited,
                           String machineTranslation) {
        this(id, title, sourceText, sentences, translation, summary, demo, error, edited, machineTranslation, null,
                null);
    }

    public ExportedArticle {
        id = id == null ? "" : id;
        sourceText = sourceText == null ? "" : sourceText;
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        translation = translation == null ? "" : translation;
        machineTranslation = machineTranslation == null ? translation : machineTranslation;
    }

    /** An article nobody edited. */
    public ExportedArticle(String id, String title, String sourceText, List<ExportedSentence> sentences,
                           String translation, String summary, boolean demo, String error) {
        this(id, title, sourceText, sentences, translation, summary, demo, error, false, translation);
    }

    /** The title, or the id when there is none, for headings. */
    public String displayTitle() {
        return title == null || title.isBlank() ? id : title;
    }

    public boolean hasSummary() {
        return summary != null && !summary.isBlank();
    }

    public boolean hasError() {
        return error != null && !error.isBlank();
    }
}
