package app.tarjim.document.in;

import java.io.IOException;

/**
 * A document went past one of its {@link DocumentLimits} while a library was reading it. An IOException so
 * that it travels out through PDFBox's readers and filters, which declare nothing else; the extractor that
 * set the limit catches it and says in plain words which limit it was.
 */
class LimitExceededException extends IOException {

    LimitExceededException(String message) {
        super(message);
    }
}
