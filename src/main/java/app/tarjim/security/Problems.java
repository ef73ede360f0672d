package app.tarjim.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/** Writes an RFC 9457 problem document from a servlet filter, where no controller advice runs. */
public final class Problems {

    private Problems() {
    }

    /** @param instance the request path to name in the problem, or null to name none */
    public static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String title,
                             String detail, String instance) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(java.net.URI.create(instance));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
