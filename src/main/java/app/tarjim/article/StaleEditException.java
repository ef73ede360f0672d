package app.tarjim.article;

/**
 * An edit or undo made against a version of the sentence that is no longer current: someone (another tab,
 * another person) changed it meanwhile. Carries the sentence as it is now, so the client can show it.
 */
public class StaleEditException extends RuntimeException {

    private final transient StoredSentence current;

    public StaleEditException(StoredSentence current, int expectedRevision) {
        super("Sentence " + current.sentenceIndex() + " was changed elsewhere (another tab or person) after you"
                + " opened it: you saw version " + expectedRevision + ", it is now at version " + current.revision()
                + " and reads \"" + current.target() + "\". Nothing was saved; reload it and edit again.");
        this.current = current;
    }

    public StoredSentence current() {
        return current;
    }
}
