package app.tarjim.pipeline.glossary;

/** A glossary file that cannot be read; the message names the line. */
public class GlossaryFormatException extends RuntimeException {
    public GlossaryFormatException(String message) {
        super(message);
    }

    public GlossaryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
