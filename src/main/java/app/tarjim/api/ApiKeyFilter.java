package app.tarjim.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Guards {@code /api/**}: when API keys are configured a request needs one ({@code X-API-Key} or
 * {@code Authorization: Bearer}), and each key is held to its requests-per-minute limit (429 with
 * Retry-After). Errors are RFC 9457 problem documents.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final ApiProperties properties;
    private final RateLimiter limiter;
    private final ObjectMapper json;

    public ApiKeyFilter(ApiProperties properties, RateLimiter limiter, ObjectMapper json) {
        this.properties = properties;
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.keysRequired()) {
            chain.doFilter(request, response);
            return;
        }
        String key = keyOf(request);
        if (key == null || !properties.keys().containsKey(key)) {
            reject(response, HttpStatus.UNAUTHORIZED, "API key required",
                    "Send a valid API key in the X-API-Key header (or as Authorization: Bearer <key>).", request);
            return;
        }
        long waitSeconds = limiter.acquire(key, properties.requestsPerMinute(key));
        if (waitSeconds > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
            reject(response, HttpStatus.TOO_MANY_REQUESTS, "Rate limit reached",
                    "This API key may make " + properties.requestsPerMinute(key)
                            + " requests a minute. Try again in " + waitSeconds + " s.", request);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The API key a request carries, in X-API-Key or as a bearer token; null when it carries none. */
    static String keyOf(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        return null;
    }

    private void reject(HttpServletResponse response, HttpStatus status, String title, String detail,
                        HttpServletRequest request) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
