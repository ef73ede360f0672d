package app.tarjim.pipeline.input;

/** Why an input was turned away; the UI, API and CLI map these to their own status codes. */
public enum RejectionReason {
    /** Nothing but whitespace. */
    EMPTY,
    /** Over the configured character limit. */
    TOO_LONG,
    /** Bytes that are not valid UTF-8. */
    INVALID_ENCODING,
    /** Binary data: NUL bytes or many control characters. */
    NOT_TEXT,
    /** Text whose letters are mostly not Arabic. */
    NOT_ARABIC
}
