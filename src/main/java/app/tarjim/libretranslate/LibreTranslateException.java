package app.tarjim.libretranslate;

import org.springframework.http.HttpStatus;

/** An error answered the way LibreTranslate answers it: the status and {@code {"error": message}}. */
class LibreTranslateException extends RuntimeException {

    private final HttpStatus status;

    LibreTranslateException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static LibreTranslateException badRequest(String message) {
        return new LibreTranslateException(HttpStatus.BAD_REQUEST, message);
    }

    static LibreTranslateException missing(String parameter) {
        return badRequest("Invalid request: missing " + parameter + " parameter");
    }

    HttpStatus status() {
        return status;
    }
}
