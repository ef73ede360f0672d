package app.tarjim.batch;

/** A batch that cannot be accepted as a whole; the message tells the user what to change. */
public class BatchRejectedException extends RuntimeException {

    /** Why, so each front end can answer in its own terms (HTTP 400 or 413, exit code). */
    public enum Reason { NO_ITEMS, TOO_MANY_ITEMS, TOO_LARGE, UNREADABLE }

    private final Reason reason;

    public BatchRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public BatchRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
