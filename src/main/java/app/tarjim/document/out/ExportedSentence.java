package app.tarjim.document.out;

/**
 * One translated sentence.
 *
 * @param paragraph  0-based index of the source paragraph the sentence belongs to
 * @param source     the Arabic sentence
 * @param target     its English translation
 * @param confidence model confidence in [0, 1]
 * @param flagged    true when the translation should be checked by a person (low confidence, anomalies)
 * @param edited     true when a person edited the translation; {@code target} is then the edit
 * @param machine    the model's translation (the same as {@code target} unless edited)
 */
public record ExportedSentence(int paragraph, String source, String target, double confidence, boolean flagged,
                               boolean edited, String machine) {

    public ExportedSentence {
        source = source == null ? "" : source;
        target = target == null ? "" : target;
        machine = machine == null ? target : machine;
    }

    /** A sentence as the machine translated it. */
    public ExportedSentence(int paragraph, String source, String target, double confidence, boolean flagged) {
        this(paragraph, source, target, confidence, flagged, false, target);
    }
}
