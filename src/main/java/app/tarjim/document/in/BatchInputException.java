package app.tarjim.document.in;

/**
 * The batch input as a whole cannot be read: not a ZIP, a CSV without the required header, an archive
 * over its limits. Like {@link DocumentImportException}, its message names the file and is meant for people.
 */
public class BatchInputException extends Exception {

    private final String fileName;

    public BatchInputException(String fileName, String message) {
        this(fileName, message, null);
    }

    public BatchInputException(String fileName, String message, Throwable cause) {
        super(message, cause);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
