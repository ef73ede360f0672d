package app.tarjim.document.out;

/**
 * One translated sentence.
 *
 * @param paragraph  0-based index of the source paragraph the sentence belongs to
 * @param source     the Arabic sentence
 * @param target     its English translation
 * @param confidence model confidence in [0, 1]
 * @param flagged    true when the translation should be checked by a person (low confidence, anomalies)
 */
public record ExportedSentence(int paragraph, String source, String target, double confidence, boolean flagged) {

    public ExportedSentence {
        source = source == null ? "" : source;
        target = target == null ? "" : target;
    }
}
