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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Glossary rejected");
        return problem;
    }

    @ExceptionHandler(ArticleNotFoundException.class)
    ProblemDetail notFound(ArticleNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No article with that id belongs to this API key.");
        problem.setTitle("Article not found");
        return problem;
    }

    @ExceptionHandler(StaleEditException.class)
    ProblemDetail stale(StaleEditException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Sentence changed meanwhile");
        problem.setProperty("current", ArticleJson.SentenceJson.of(e.current()));
        return problem;
    }

    @ExceptionHandler(EditRejectedException.class)
    ProblemDetail editRejected(EditRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Edit not possible");
        return problem;
    }

    @ExceptionHandler(SentenceNotFoundException.class)
    ProblemDetail noSentence(SentenceNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Sentence not found");
        return problem;
    }

    @ExceptionHandler(ServerBusyException.class)
    ResponseEntity<ProblemDetail> busy(ServerBusyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Server busy");
        problem.setProperty("waiting", e.waiting());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(ModelUnavailableException.class)
    ProblemDetail models(ModelUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Models unavailable");
        return problem;
    }
}
