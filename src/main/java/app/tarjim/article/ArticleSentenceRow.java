package app.tarjim.article;

/** A row of {@code article_sentence}; part of the {@link ArticleRow} aggregate. */
record ArticleSentenceRow(int paragraphIndex, int sentenceIndex, String sourceText, String targetText,
                   double confidence, boolean flagged) {

    static ArticleSentenceRow of(StoredSentence sentence) {
        return new ArticleSentenceRow(sentence.paragraphIndex(), sentence.sentenceIndex(), sentence.source(),
                sentence.target(), sentence.confidence(), sentence.flagged());
    }

    StoredSentence toStored() {
        return new StoredSentence(paragraphIndex, sentenceIndex, sourceText, targetText, confidence, flagged);
    }
}
