package app.tarjim.pipeline.translate;

/** Hears about an article translation while it runs, on the translating thread. */
public interface SentenceListener {

    SentenceListener NONE = new SentenceListener() {
    };

    /** Every article slot is taken: this article waits for one before any work starts. */
    default void onWaitingForSlot() {
    }

    /** The article has been cut into the segments that will be translated, before any is sent to the model. */
    default void onSegmented(app.tarjim.pipeline.text.SegmentedText segmented) {
    }

    /** A sentence is finished; sentences arrive in source order. */
    default void onSentence(TranslatedSentence sentence) {
    }

    /** {@code done} of {@code total} sentences are finished. */
    default void onProgress(int done, int total) {
    }
}
