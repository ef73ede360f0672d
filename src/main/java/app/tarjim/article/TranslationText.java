package app.tarjim.article;

import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The article's English as one text from its sentences, the way the pipeline joins them: sentences of a
 * paragraph with a space, paragraphs with a blank line. Rebuilt after each edit so copies and exports of
 * the whole text carry the edits.
 */
final class TranslationText {

    private TranslationText() {
    }

    static String of(List<ArticleSentenceRow> sentences) {
        return join(sentences, ArticleSentenceRow::targetText);
    }

    static String machine(List<StoredSentence> sentences) {
        return sentences.stream()
                .sorted(Comparator.comparingInt(StoredSentence::sentenceIndex))
                .collect(Collectors.groupingBy(StoredSentence::paragraphIndex, TreeMap::new,
                        Collectors.mapping(StoredSentence::machineTarget, Collectors.joining(" "))))
                .values().stream().collect(Collectors.joining("\n\n"));
    }

    private static String join(List<ArticleSentenceRow> sentences,
                               java.util.function.Function<ArticleSentenceRow, String> text) {
        return sentences.stream()
                .sorted(Comparator.comparingInt(ArticleSentenceRow::sentenceIndex))
                .collect(Collectors.groupingBy(ArticleSentenceRow::paragraphIndex, TreeMap::new,
                        Collectors.mapping(text, Collectors.joining(" "))))
                .values().stream().collect(Collectors.joining("\n\n"));
    }
}
