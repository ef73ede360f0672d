package app.tarjim.api;

import app.tarjim.article.ArticleNotFoundException;
import app.tarjim.article.EditRejectedException;
import app.tarjim.article.SentenceNotFoundException;
import app.tarjim.article.ServerBusyException;
import app.tarjim.article.StaleEditException;
import app.tarjim.pipeline.glossary.GlossaryFormatException;
import app.tarjim.pipeline.input.InputRejectedException;
import app.tarjim.pipeline.input.RejectionReason;
import app.tarjim.pipeline.models.ModelUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the product's own errors to RFC 9457 problem documents with a message a person can act on. */
@RestControllerAdvice(basePackages = "app.tarjim")
class ApiExceptionHandler {

    @ExceptionHandler(InputRejectedException.class)
    ProblemDetail rejected(InputRejectedException e) {
        HttpStatus status = e.reason() == RejectionReason.TOO_LONG ? HttpStatus.PAYLOAD_TOO_LARGE
                : e.reason() == RejectionReason.NOT_ARABIC || e.reason() == RejectionReason.NOT_TEXT
                ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Input rejected");
        problem.setProperty("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT));
        if (e.forceable()) {
            // Only the language warning can be overruled; say how, next to the detail every client shows.
            problem.setProperty("forceable", true);
            problem.setProperty("hint", "Send \"force\": true to translate it anyway; runs without Arabic letters "
                    + "are then copied into the English unchanged.");
        }
        return problem;
    }

    @ExceptionHandler(GlossaryFormatException.class)
    ProblemDetail glossary(GlossaryFormatException e) {
        return titled(HttpStatus.BAD_REQUEST, "Glossary rejected", e.getMessage());
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    ProblemDetail notFound(ArticleNotFoundException e) {
        return titled(HttpStatus.NOT_FOUND, "Article not found",
                "No article with that id belongs to this API key.");
    }

    @ExceptionHandler(StaleEditException.class)
    ProblemDetail stale(StaleEditException e) {
        ProblemDetail problem = titled(HttpStatus.CONFLICT, "Sentence changed meanwhile", e.getMessage());
        problem.setProperty("current", ArticleJson.SentenceJson.of(e.current()));
        return problem;
    }

    @ExceptionHandler(EditRejectedException.class)
    ProblemDetail editRejected(EditRejectedException e) {
        return titled(HttpStatus.CONFLICT, "Edit not possible", e.getMessage());
    }

    @ExceptionHandler(SentenceNotFoundException.class)
    ProblemDetail noSentence(SentenceNotFoundException e) {
        return titled(HttpStatus.NOT_FOUND, "Sentence not found", e.getMessage());
    }

    @ExceptionHandler(ServerBusyException.class)
    ResponseEntity<ProblemDetail> busy(ServerBusyException e) {
        ProblemDetail problem = titled(HttpStatus.SERVICE_UNAVAILABLE, "Server busy", e.getMessage());
        problem.setProperty("waiting", e.waiting());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(ModelUnavailableException.class)
    ProblemDetail models(ModelUnavailableException e) {
        return titled(HttpStatus.SERVICE_UNAVAILABLE, "Models unavailable", e.getMessage());
    }

    private static ProblemDetail titled(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
