package app.tarjim.article;

/**
 * This process already has as many articles running and waiting as it takes on: the caller should try again
 * later (the API answers 503 with Retry-After). Nothing was stored.
 */
public class ServerBusyException extends RuntimeException {

    private final int waiting;
    private final long retryAfterSeconds;

    public ServerBusyException(int waiting, long retryAfterSeconds) {
        super("The server is busy: " + waiting + " articles are being translated or waiting for their turn. "
                + "Try again in " + retryAfterSeconds + " seconds; your text is kept.");
        this.waiting = waiting;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int waiting() {
        return waiting;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
