package app.tarjim.document.in;

/**
 * One article read from a batch input.
 *
 * @param id         unique within the batch: the file name without extension for ZIP entries, the id
 *                   column or field for CSV and JSONL
 * @param title      may be null when the input has none
 * @param text       paragraphs separated by blank lines
 * @param sourceName where it came from, for people: the ZIP entry path, or "articles.csv line 7"
 */
public record BatchItem(String id, String title, String text, String sourceName) {
}
