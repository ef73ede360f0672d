package app.tarjim.pipeline.translate;

/**
 * One translated segment.
 *
 * @param paragraph  paragraph index in the source, from 0
 * @param index      segment index in the article, from 0
 * @param source     the Arabic as the user wrote it
 * @param target     the English translation
 * @param confidence the model's confidence in [0, 1], see {@link Confidence}
 * @param flagged    true when the confidence is under the threshold: worth a human look
 */
public record TranslatedSentence(int paragraph, int index, String source, String target, double confidence,
                                 boolean flagged) {
}
