package app.tarjim.pipeline.translate;

import java.util.List;

/**
 * A translated article.
 *
 * @param sentences   every segment, in source order
 * @param translation the English text: sentences joined by spaces, paragraphs by blank lines
 */
public record ArticleTranslation(List<TranslatedSentence> sentences, String translation) {

    public ArticleTranslation {
        sentences = List.copyOf(sentences);
    }

    public long flaggedCount() {
        return sentences.stream().filter(TranslatedSentence::flagged).count();
    }
}
