package app.tarjim.document.out;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * A paragraph prepared for a PDF, which has no text shaping of its own: Arabic letters are replaced by
 * their contextual presentation forms (initial, medial, final, lam-alef ligatures) with ICU's
 * {@link ArabicShaping}, and ICU's {@link Bidi} runs the Unicode bidi algorithm over the whole paragraph
 * so that each wrapped line can be reordered into the visual left-to-right order a PDF draws in.
 * Shaping happens before wrapping because it never crosses a space, and wrapping only breaks at spaces.
 */
final class ShapedParagraph {

    /** Which way a paragraph runs; AUTO takes the direction of its first strong character. */
    enum Direction { AUTO, LEFT_TO_RIGHT, RIGHT_TO_LEFT }

    private final String text;
    private final Bidi bidi;

    private ShapedParagraph(String text, Bidi bidi) {
        this.text = text;
        this.bidi = bidi;
    }

    static ShapedParagraph of(String logical, Direction direction) {
        String shaped = ArabicScript.contains(logical) ? shape(logical) : logical;
        byte level = switch (direction) {
            case AUTO -> Bidi.LEVEL_DEFAULT_LTR;
            case LEFT_TO_RIGHT -> Bidi.LTR;
            case RIGHT_TO_LEFT -> Bidi.RTL;
        };
        return new ShapedParagraph(shaped, new Bidi(shaped, level));
    }

    private static String shape(String logical) {
        try {
            // LENGTH_GROW_SHRINK lets lam + alef collapse into one ligature character.
            return restoreMarks(new ArabicShaping(ArabicShaping.LETTERS_SHAPE
                    | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK).shape(logical));
        } catch (ArabicShapingException e) {
            // Only thrown for fixed-length options; with GROW_SHRINK unshaped text is the honest fallback.
            return logical;
        }
    }

    /**
     * ICU also turns vowel marks (fatha, shadda, tanween...) into their spacing presentation forms, which the
     * font draws as separate glyphs beside the letter, leaving gaps inside words. Mapped back to combining
     * marks they have no advance and are drawn over their letter, while the letters keep their joined forms.
     */
    private static String restoreMarks(String shaped) {
        StringBuilder out = new StringBuilder(shaped.length());
        for (int i = 0; i < shaped.length(); i++) {
            char c = shaped.charAt(i);
            out.append(c >= 0xFE70 && c <= 0xFE7F && c != 0xFE73 && c != 0xFE75 ? COMBINING_MARKS[c - 0xFE70] : c);
        }
        return out.toString();
    }

    // Isolated and medial presentation forms FE70..FE7F to the combining mark each one shows.
    private static final char[] COMBINING_MARKS = {
        '\u064B', '\u064B', '\u064C', '\uFE73', '\u064D', '\uFE75', '\u064E', '\u064E',
        '\u064F', '\u064F', '\u0650', '\u0650', '\u0651', '\u0651', '\u0652', '\u0652',
    };

    /** The shaped text in logical order, which wrapping measures and breaks. */
    String text() {
        return text;
    }

    boolean rightToLeft() {
        return !bidi.baseIsLeftToRight();
    }

    /** Characters [start, limit) of {@link #text()} as one line in visual (drawing) order. */
    String visualLine(int start, int limit) {
        if (start >= limit) {
            return "";
        }
        Bidi line = bidi.setLine(start, limit);
        return line.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }
}
