package app.tarjim.pipeline.text;

import java.text.Normalizer;

/**
 * Prepares text for a model. The user's source is never changed: only what is sent to the model goes
 * through here. Tatweel and invisible controls carry no meaning for translation but split words into odd
 * sub-word pieces, so they are removed; Arabic-Indic digits are kept because the models know them.
 */
public final class TextNormalizer {

    /** Removes the characters a model should not see and collapses every whitespace run to one space. */
    public String normalize(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Tatweel, zero-width characters, bidi embeddings/overrides/isolates and the byte-order mark. */
    public static boolean isInvisible(char c) {
        return c == '\u0640'
                || (c >= '\u200B' && c <= '\u200F')
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\uFEFF';
    }

    /** Any Unicode space or line separator, including no-break spaces. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Characters that may sit between segments: spaces and invisible controls. */
    public static boolean isGap(char c) {
        return isSpace(c) || isInvisible(c);
    }
}
