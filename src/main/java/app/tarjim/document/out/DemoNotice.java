package app.tarjim.document.out;

/** The wording every format uses to mark demo output, so nobody mistakes it for a real translation. */
final class DemoNotice {

    static final String TEXT = "Demo output: produced without a translation model; not a real translation.";

    private DemoNotice() {
    }
}
