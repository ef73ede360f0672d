package app.tarjim.pipeline.input;

/** An input Tarjim will not translate; the message is written for the user. */
public class InputRejectedException extends RuntimeException {

    private final RejectionReason reason;

    public InputRejectedException(RejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
