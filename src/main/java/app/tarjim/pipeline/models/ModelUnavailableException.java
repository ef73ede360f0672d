package app.tarjim.pipeline.models;

/** A model that is not on disk and could not be fetched; the message says what is missing and why. */
public class ModelUnavailableException extends RuntimeException {
    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
