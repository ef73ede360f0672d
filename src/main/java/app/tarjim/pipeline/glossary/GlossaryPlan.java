package app.tarjim.pipeline.glossary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the glossary applies to one model input: the terms found in it, the input with the renderings
 * written in, and the pieces between the terms for when the model does not keep a rendering.
 *
 * @param input   the normalised text that goes to the model
 * @param matches the glossary terms in it, in order
 */
public record GlossaryPlan(String input, List<GlossaryMatch> matches) {

    public GlossaryPlan {
        matches = List.copyOf(matches);
    }

    public boolean isEmpty() {
        return matches.isEmpty();
    }

    /** The input with every term replaced by its English rendering, clitic prefix kept in front. */
    public String inlined() {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (GlossaryMatch match : matches) {
            out.append(input, from, match.start());
            if (!match.prefix().isEmpty()) {
                out.append(match.prefix()).append(' ');
            }
            out.append(match.entry().english());
            from = match.end();
        }
        return out.append(input.substring(from)).toString();
    }

    /** Whether the translation holds each rendering at least as often as its term occurs in the input. */
    public boolean isSatisfiedBy(String translation) {
        String haystack = simplify(translation);
        Map<String, Integer> needed = new HashMap<>();
        matches.forEach(match -> needed.merge(simplify(match.entry().english()), 1, Integer::sum));
        return needed.entrySet().stream().allMatch(e -> occurrences(haystack, e.getKey()) >= e.getValue());
    }

    /** The pieces between the terms that hold words, in order; what {@link #splice} expects translated. */
    public List<String> piecesToTranslate() {
        return pieces().stream().filter(GlossaryPlan::hasWords).toList();
    }

    /**
     * Rebuilds a translation from the translated pieces and the renderings: used when the model dropped a
     * rendering from the inlined input. Pieces without words (punctuation) pass through in Latin form.
     */
    public String splice(List<String> translatedPieces) {
        Iterator<String> translations = translatedPieces.iterator();
        List<String> parts = new ArrayList<>();
        List<String> pieces = pieces();
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            parts.add(hasWords(piece) ? translations.next() : latinPunctuation(piece));
            if (i < matches.size()) {
                parts.add(matches.get(i).entry().english());
            }
        }
        String joined = String.join(" ", parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList());
        return joined.replaceAll("\\s+([,.;:!?)\\]»”])", "$1");
    }

    /** Source text between the terms; the kept clitic of a term ends the piece before it. */
    private List<String> pieces() {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (GlossaryMatch match : matches) {
            String before = input.substring(from, match.start());
            pieces.add(match.prefix().isEmpty() ? before : before + match.prefix());
            from = match.end();
        }
        pieces.add(input.substring(from));
        return pieces;
    }

    private static boolean hasWords(String piece) {
        return piece.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static String latinPunctuation(String piece) {
        return piece.replace('،', ',').replace('؛', ';').replace('؟', '?');
    }

    private static String simplify(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static int occurrences(String haystack, String needle) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
