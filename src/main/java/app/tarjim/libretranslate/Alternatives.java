package app.tarjim.libretranslate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whole-text alternatives from per-sentence n-best lists, as LibreTranslate lists them: the k-th alternative
 * takes every sentence's (k+1)-th best translation (its best where it has fewer), and alternatives equal to the
 * translation or to each other are dropped.
 */
final class Alternatives {

    private Alternatives() {
    }

    /**
     * @param nBest for each sentence of the text, in order, its translations best first
     */
    static List<String> of(TextTranslator.TranslatedText text, List<List<String>> nBest, int wanted) {
        List<SentencePair> sentences = text.allSentences();
        Map<SentencePair, List<String>> choices = new IdentityHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            choices.put(sentences.get(i), nBest.get(i));
        }
        String translation = text.english();
        Set<String> out = new LinkedHashSet<>();
        for (int k = 1; k <= wanted; k++) {
            int rank = k;
            String alternative = text.render(sentence -> {
                List<String> own = choices.get(sentence);
                return rank < own.size() ? own.get(rank) : sentence.target();
            });
            if (!alternative.equals(translation)) {
                out.add(alternative);
            }
        }
        return new ArrayList<>(out);
    }
}
