package app.tarjim.batch.web;

import app.tarjim.batch.BatchProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} is refused before any controller runs; this
 * turns it into a 413 problem that names the limit and says what to do.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    private final BatchProperties properties;

    UploadLimitAdvice(BatchProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The uploaded file is larger than this server accepts (" + properties.maxUploadSize().toMegabytes()
                        + " MB, tarjim.batch.max-upload-size). Split the batch into smaller files.");
        problem.setTitle("Upload too large");
        return problem;
    }
}
