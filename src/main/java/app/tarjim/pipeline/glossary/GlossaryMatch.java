package app.tarjim.pipeline.glossary;

/**
 * A glossary term found in a text.
 *
 * @param start  offset of the whole word, clitic prefix included
 * @param end    offset just past the term
 * @param prefix the clitic prefix to keep in front of the rendering (و ف ب ل ك and their pairs), the
 *               article ال excluded since the English rendering decides about "the"; often empty
 * @param entry  the glossary entry
 */
public record GlossaryMatch(int start, int end, String prefix, GlossaryEntry entry) {
}
