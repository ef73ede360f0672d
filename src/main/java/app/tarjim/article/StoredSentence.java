package app.tarjim.article;

import java.util.Objects;

/**
 * One translated sentence, in reading order within its paragraph.
 *
 * @param confidence the model's confidence in the translation, 0..1
 * @param flagged    whether the pipeline marked the translation as doubtful
 */
public record StoredSentence(int paragraphIndex, int sentenceIndex, String source, String target,
                             double confidence, boolean flagged) {

    public StoredSentence {
        if (paragraphIndex < 0 || sentenceIndex < 0) {
            throw new IllegalArgumentException("indexes must not be negative");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }
}
