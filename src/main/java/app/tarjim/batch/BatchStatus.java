package app.tarjim.batch;

/** A job's state as users see it, derived from its items (and whether it was cancelled). */
public enum BatchStatus {
    /** Nothing started yet. */
    QUEUED,
    /** Some items finished or running, some still to do. */
    RUNNING,
    /** Every item is done or failed. */
    COMPLETED,
    /** Cancelled by the user; items that had finished keep their results. */
    CANCELLED
}
