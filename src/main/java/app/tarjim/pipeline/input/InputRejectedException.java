package app.tarjim.pipeline.input;

/** An input Tarjim will not translate; the message is written for the user. */
public class InputRejectedException extends RuntimeException {

    private final RejectionReason reason;
    private final boolean forceable;

    public InputRejectedException(RejectionReason reason, String message) {
        this(reason, message, false);
    }

    /** @param forceable whether the user may translate it anyway (see {@link InputValidator#check(String, boolean)}) */
    public InputRejectedException(RejectionReason reason, String message, boolean forceable) {
        super(message);
        this.reason = reason;
        this.forceable = forceable;
    }

    public RejectionReason reason() {
        return reason;
    }

    /**
     * True when the refusal is only a warning the user may overrule ("Translate anyway", {@code "force": true},
     * {@code --force}): a text with too few Arabic letters. Empty, too long, binary or letterless input never is.
     */
    public boolean forceable() {
        return forceable;
    }
}
