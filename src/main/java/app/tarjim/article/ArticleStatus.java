package app.tarjim.article;

import java.util.Set;

/** Where a translation job stands. DONE, FAILED and CANCELLED are final. */
public enum ArticleStatus {
    PENDING, RUNNING, DONE, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }

    /** The moves a job may make; anything else is a late or duplicate signal and is ignored. */
    boolean canMoveTo(ArticleStatus next) {
        return switch (this) {
            case PENDING -> Set.of(RUNNING, DONE, FAILED, CANCELLED).contains(next);
            case RUNNING -> Set.of(DONE, FAILED, CANCELLED).contains(next);
            case DONE, FAILED, CANCELLED -> false;
        };
    }
}
