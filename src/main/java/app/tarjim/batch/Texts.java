package app.tarjim.batch;

/** Fitting user-supplied text into bounded columns. */
final class Texts {

    private Texts() {
    }

    /** The text cut to {@code max} characters with an ellipsis; null stays null. */
    static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
