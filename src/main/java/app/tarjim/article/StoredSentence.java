package app.tarjim.article;

import java.time.Instant;
import java.util.Objects;

/**
 * One translated sentence, in reading order within its paragraph, as a person may have edited it.
 *
 * @param sentenceIndex position among all the article's sentences, from 0 (the {@code n} of the sentence API)
 * @param target        the current English: the edit when there is one, else the machine output
 * @param confidence    the model's confidence in its own translation, 0..1
 * @param flagged       whether the sentence is still doubtful: the pipeline marked it and nobody edited it since
 * @param machineTarget what the model wrote, kept when a person edits the sentence
 * @param editedAt      when a person last edited it; null when the text is the machine's
 * @param editedBy      who edited it once sign-in exists; null for anonymous edits and machine text
 * @param revision      moves on with every edit and undo, so a stale edit can be told apart (0: never edited)
 */
public record StoredSentence(int paragraphIndex, int sentenceIndex, String source, String target,
                             double confidence, boolean flagged, String machineTarget, Instant editedAt,
                             String editedBy, int revision) {

    public StoredSentence {
        if (paragraphIndex < 0 || sentenceIndex < 0) {
            throw new IllegalArgumentException("indexes must not be negative");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        machineTarget = machineTarget == null ? target : machineTarget;
    }

    /** A sentence as the machine translated it. */
    public StoredSentence(int paragraphIndex, int sentenceIndex, String source, String target,
                          double confidence, boolean flagged) {
        this(paragraphIndex, sentenceIndex, source, target, confidence, flagged, target, null, null, 0);
    }

    /** Whether the current text is a person's rather than the machine's. */
    public boolean edited() {
        return editedAt != null;
    }
}
