package app.tarjim.pipeline.glossary;

/**
 * Folds the spelling variants Arabic writers mix freely, so that a glossary term matches however it was
 * typed: diacritics and tatweel are dropped, أ إ آ ٱ become ا, ى becomes ي and ة becomes ه. Latin letters
 * are lower-cased. Each folded character remembers where it came from.
 */
final class ArabicFolding {

    /**
     * @param text     the folded text
     * @param origins  for each folded character, its offset in the unfolded text
     */
    record Folded(String text, int[] origins) {

        /** Offset in the unfolded text of folded offset {@code i}; the unfolded end for the folded end. */
        int originOf(int i, int unfoldedLength) {
            return i < origins.length ? origins[i] : unfoldedLength;
        }
    }

    private ArabicFolding() {
    }

    static Folded fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        int[] origins = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDroppable(c)) {
                continue;
            }
            origins[folded.length()] = i;
            folded.append(foldChar(c));
        }
        return new Folded(folded.toString(), java.util.Arrays.copyOf(origins, folded.length()));
    }

    static String foldTerm(String term) {
        return fold(term).text();
    }

    private static boolean isDroppable(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';
    }

    private static char foldChar(char c) {
        return switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى' -> 'ي';
            case 'ة' -> 'ه';
            default -> Character.toLowerCase(c);
        };
    }
}
