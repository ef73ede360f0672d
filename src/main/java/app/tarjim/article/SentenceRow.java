package app.tarjim.article;

import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code article_sentence}; part of the {@link ArticleRow} aggregate. */
@Table("article_sentence")
record SentenceRow(int paragraphIndex, int sentenceIndex, String sourceText, String targetText,
                   double confidence, boolean flagged) {

    static SentenceRow of(StoredSentence sentence) {
        return new SentenceRow(sentence.paragraphIndex(), sentence.sentenceIndex(), sentence.source(),
                sentence.target(), sentence.confidence(), sentence.flagged());
    }

    StoredSentence toStored() {
        return new StoredSentence(paragraphIndex, sentenceIndex, sourceText, targetText, confidence, flagged);
    }
}
