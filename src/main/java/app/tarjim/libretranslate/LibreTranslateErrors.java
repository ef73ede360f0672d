package app.tarjim.libretranslate;

import app.tarjim.pipeline.glossary.GlossaryFormatException;
import app.tarjim.pipeline.input.InputRejectedException;
import app.tarjim.pipeline.models.ModelUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

import java.util.Map;

/**
 * Errors of the LibreTranslate paths as LibreTranslate gives them, {@code {"error": "…"}} with its status
 * codes. Scoped to {@link LibreTranslateController} and ordered first, so it wins over the problem+json
 * advice of {@code /api/v1} for these paths and changes nothing for the others.
 */
@RestControllerAdvice(assignableTypes = LibreTranslateController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LibreTranslateErrors {

    private static final Logger log = LoggerFactory.getLogger(LibreTranslateErrors.class);

    @ExceptionHandler(LibreTranslateException.class)
    ResponseEntity<Map<String, String>> libreTranslate(LibreTranslateException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e instanceof KeyCheck.RateLimited limited) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler({InputRejectedException.class, GlossaryFormatException.class})
    ResponseEntity<Map<String, String>> rejected(RuntimeException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, String>> notMultipart(MultipartException e) {
        return error(HttpStatus.BAD_REQUEST, "Invalid request: missing file parameter");
    }

    @ExceptionHandler(ModelUnavailableException.class)
    ResponseEntity<Map<String, String>> models(ModelUnavailableException e) {
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Cannot translate text: " + e.getMessage());
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, String>> unexpected(RuntimeException e) {
        log.warn("LibreTranslate call failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Cannot translate text: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", message));
    }
}
