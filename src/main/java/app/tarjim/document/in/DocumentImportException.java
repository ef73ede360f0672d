package app.tarjim.document.in;

/**
 * A file could not be turned into text. The message is meant for the person who uploaded it: it names the
 * file and says what is wrong, so callers can show it as is instead of a stack trace.
 */
public class DocumentImportException extends Exception {

    private final String fileName;

    public DocumentImportException(String fileName, String message) {
        this(fileName, message, null);
    }

    public DocumentImportException(String fileName, String message, Throwable cause) {
        super(message, cause);
        this.fileName = fileName;
    }

    /** The name of the file that failed, as given by the caller. */
    public String fileName() {
        return fileName;
    }
}
