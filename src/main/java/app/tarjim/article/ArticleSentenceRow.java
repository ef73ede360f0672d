package app.tarjim.article;

import java.time.Instant;

/**
 * A row of {@code article_sentence}; part of the {@link ArticleRow} aggregate. {@code flagged} is the machine's
 * flag and {@code machineText} is null until the first edit (see V5).
 */
record ArticleSentenceRow(int paragraphIndex, int sentenceIndex, String sourceText, String targetText,
                          double confidence, boolean flagged, String machineText, Instant editedAt,
                          String editedBy, int revision) {

    static ArticleSentenceRow of(StoredSentence sentence) {
        return new ArticleSentenceRow(sentence.paragraphIndex(), sentence.sentenceIndex(), sentence.source(),
                sentence.target(), sentence.confidence(), sentence.flagged(), null, null, null, 0);
    }

    StoredSentence toStored() {
        boolean edited = editedAt != null;
        return new StoredSentence(paragraphIndex, sentenceIndex, sourceText, targetText, confidence,
                flagged && !edited, machineOutput(), editedAt, editedBy, revision);
    }

    /** What the model wrote. */
    String machineOutput() {
        return machineText == null ? targetText : machineText;
    }

    /** The sentence now reading {@code text}, by {@code editor} (null: anonymous) or, with a null time, the machine. */
    ArticleSentenceRow withText(String text, Instant at, String editor) {
        return new ArticleSentenceRow(paragraphIndex, sentenceIndex, sourceText, text, confidence, flagged,
                machineOutput(), at, at == null ? null : editor, revision + 1);
    }
}
