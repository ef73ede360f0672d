package app.tarjim.pipeline.models;

/**
 * The hub refused a request for a reason trying again will not change (unknown repository, revision or file,
 * gated repository, refused token); the message says what to do about it.
 */
public class HubAccessException extends ModelUnavailableException {

    private final int status;

    public HubAccessException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status the hub answered with. */
    public int status() {
        return status;
    }
}
