package app.tarjim.pipeline.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an Arabic text written without Arabic: the English a news article quotes (a post, a name, a
 * {@code <script>} tag, a URL). The translation model knows Arabic, not these, so they are copied into the
 * English as they are.
 * <p>
 * A run is a longest stretch with no character of the Arabic script or Arabic blocks (so {@code ، ؛ ؟} end
 * it too) that holds at least one letter, without the spaces around it and without the {@code . , ; : ! ?}
 * it starts with (they close the Arabic before it, as in {@code قال: "…"}). Digits and punctuation between
 * Arabic words are not runs: the model renders those well.
 */
public final class ForeignRuns {

    /** Punctuation that ends the Arabic before a run rather than opening the run. */
    private static final String LEADING = ".,;:!?";

    /** A run {@code [start, end)} of a text. */
    public record Run(int start, int end) {
        public String of(String text) {
            return text.substring(start, end);
        }
    }

    private ForeignRuns() {
    }

    /** Whether the text holds an Arabic letter or Arabic-Indic digit, i.e. anything for the model to translate. */
    public static boolean hasArabic(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC
                && Character.isLetterOrDigit(cp));
    }

    /** The runs of the text, in order. */
    public static List<Run> in(String text) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isArabic(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean letter = false;
            while (i < text.length() && !isArabic(cp = text.codePointAt(i))) {
                letter |= Character.isLetter(cp);
                i += Character.charCount(cp);
            }
            int from = start;
            while (from < i && (TextNormalizer.isGap(text.charAt(from)) || LEADING.indexOf(text.charAt(from)) >= 0)) {
                from++;
            }
            Span trimmed = Span.trimmed(text, from, i);
            if (letter) {
                runs.add(new Run(trimmed.start(), trimmed.end()));
            }
        }
        return runs;
    }

    private static boolean isArabic(int cp) {
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.ARABIC
                || block == Character.UnicodeBlock.ARABIC_SUPPLEMENT
                || block == Character.UnicodeBlock.ARABIC_EXTENDED_A
                || block == Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_A
                || block == Character.UnicodeBlock.ARABIC_PRESENTATION_FORMS_B;
    }
}
