package app.tarjim.article;

/** The article has no sentence with that index. */
public class SentenceNotFoundException extends RuntimeException {

    public SentenceNotFoundException(int index, int count) {
        super("The article has no sentence " + index + "; its sentences are numbered 0 to " + (count - 1) + ".");
    }
}
