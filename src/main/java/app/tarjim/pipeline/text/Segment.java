package app.tarjim.pipeline.text;

/**
 * One sentence (or one piece of an over-long sentence) of a source text.
 *
 * @param index     position among all segments of the text, from 0
 * @param paragraph index of the paragraph (non-blank line) it belongs to, from 0
 * @param start     offset of its first character in the original text
 * @param end       offset just past its last character in the original text
 * @param text      the original characters {@code [start, end)}, as the user wrote them
 */
public record Segment(int index, int paragraph, int start, int end, String text) {
}
