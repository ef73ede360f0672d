package app.tarjim.article;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A finished translation as the pipeline hands it over.
 *
 * @param summaryText null when no summary was asked for or could be made
 * @param demo        whether the bundled demo models were used, whose output is illustrative only
 */
public record ArticleResult(List<StoredSentence> sentences, String translationText, String summaryText,
                            ModelsUsed models, boolean demo) {

    public ArticleResult {
        // Stored in reading order whatever order the pipeline finished them in.
        sentences = Objects.requireNonNull(sentences, "sentences").stream()
                .sorted(Comparator.comparingInt(StoredSentence::paragraphIndex)
                        .thenComparingInt(StoredSentence::sentenceIndex))
                .toList();
        for (int i = 1; i < sentences.size(); i++) {
            StoredSentence previous = sentences.get(i - 1);
            StoredSentence current = sentences.get(i);
            if (previous.paragraphIndex() == current.paragraphIndex()
                    && previous.sentenceIndex() == current.sentenceIndex()) {
                throw new IllegalArgumentException("Two sentences at paragraph " + current.paragraphIndex()
                        + ", sentence " + current.sentenceIndex());
            }
        }
        Objects.requireNonNull(translationText, "translationText");
        models = models == null ? ModelsUsed.NONE : models;
    }
}
