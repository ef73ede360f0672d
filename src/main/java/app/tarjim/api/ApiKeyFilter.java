package app.tarjim.api;

import app.tarjim.security.ApiCaller;
import app.tarjim.security.Problems;
import app.tarjim.security.RequestPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Guards the HTTP API ({@code /api/**}) and, when keys are configured, the actuator endpoints other than
 * health: a request needs a configured key ({@code X-API-Key} or {@code Authorization: Bearer}), and each key
 * is held to its requests-per-minute limit (429 with Retry-After). Client addresses that keep sending wrong
 * keys are refused for a while (429), so keys cannot be guessed at speed. Errors are RFC 9457 problems.
 * <p>
 * Which requests are guarded is decided on the path the request is routed by (decoded and normalised by the
 * container), not on the raw URI: {@code /api;x/v1} and {@code /%61pi/v1} reach the API too.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = ApiCaller.KEY_HEADER;

    private final ApiProperties properties;
    private final RateLimiter limiter;
    private final RateLimiter failures;
    private final ObjectMapper json;

    public ApiKeyFilter(ApiProperties properties, RateLimiter limiter, RateLimiter failures, ObjectMapper json) {
        this.properties = properties;
        this.limiter = limiter;
        this.failures = failures;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (RequestPaths.isUnder(request, "/api")) {
            return false;
        }
        // Metrics say what the server is doing and for whom; with keys set they are for key holders only.
        return !(RequestPaths.isUnder(request, "/actuator") && !RequestPaths.isUnder(request, "/actuator/health"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!properties.keysRequired()) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        long blockedFor = failures.waitSeconds(client, properties.failedAttemptsPerMinute());
        if (blockedFor > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(blockedFor));
            Problems.write(json, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed attempts",
                    "Too many requests from this address came with a missing or wrong API key. Try again in "
                            + blockedFor + " s with a valid key.", request.getRequestURI());
            return;
        }
        String key = ApiCaller.keyOf(request);
        if (key == null || !properties.keys().containsKey(key)) {
            failures.acquire(client, properties.failedAttemptsPerMinute());
            Problems.write(json, response, HttpStatus.UNAUTHORIZED, "API key required",
                    "Send a valid API key in the X-API-Key header (or as Authorization: Bearer <key>).",
                    request.getRequestURI());
            return;
        }
        long waitSeconds = limiter.acquire(key, properties.requestsPerMinute(key));
        if (waitSeconds > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
            Problems.write(json, response, HttpStatus.TOO_MANY_REQUESTS, "Rate limit reached",
                    "This API key may make " + properties.requestsPerMinute(key)
                            + " requests a minute. Try again in " + waitSeconds + " s.", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
