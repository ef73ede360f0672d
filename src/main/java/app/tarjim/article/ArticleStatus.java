package app.tarjim.article;

import java.util.Set;

/**
 * Where a translation job stands. QUEUED: accepted, waiting for one of the pipeline's slots
 * ({@code tarjim.pipeline.concurrent-articles}); RUNNING: being translated. DONE, FAILED and CANCELLED are final.
 * Stored and serialized by name (the API lowercases it).
 */
public enum ArticleStatus {
    /** Written only by versions before QUEUED existed; still read, and treated like QUEUED. */
    PENDING,
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    /** The moves a job may make; anything else is a late or duplicate signal and is ignored. */
    boolean canMoveTo(ArticleStatus next) {
        return switch (this) {
            case PENDING, QUEUED -> Set.of(RUNNING, DONE, FAILED, CANCELLED).contains(next);
            case RUNNING -> Set.of(DONE, FAILED, CANCELLED).contains(next);
            case DONE, FAILED, CANCELLED -> false;
        };
    }
}
