package app.tarjim.engine;

/** Thrown when a caller cancels a generation between decoding steps. */
public class GenerationCancelledException extends RuntimeException {
    public GenerationCancelledException() {
        super("Generation was cancelled");
    }
}
