package app.tarjim.article;

/** An edit, undo or regeneration that cannot be made in the article's present state; the message says why. */
public class EditRejectedException extends RuntimeException {

    public EditRejectedException(String message) {
        super(message);
    }
}
