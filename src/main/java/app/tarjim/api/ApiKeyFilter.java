package app.tarjim.api;

import app.tarjim.security.ApiCaller;
import app.tarjim.security.ApiKeyHolder;
import app.tarjim.security.ApiKeys;
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
import java.util.Optional;

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
    private final ApiKeys keys;
    private final RateLimiter limiter;
    private final RateLimiter failures;
    private final ObjectMapper json;

    /** Keys from {@code tarjim.api.keys} only (mode none). */
    public ApiKeyFilter(ApiProperties properties, RateLimiter limiter, RateLimiter failures, ObjectMapper json) {
        this(properties, new PropertyApiKeys(properties), limiter, failures, json);
    }

    public ApiKeyFilter(ApiProperties properties, ApiKeys keys, RateLimiter limiter, RateLimiter failures,
                        ObjectMapper json) {
        this.properties = properties;
        this.keys = keys;
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
        boolean actuator = !RequestPaths.isUnder(request, "/api");
        if (!keys.required()) {
            chain.doFilter(request, response);
            return;
        }
        if (actuator && keys.ofAccounts() && ApiCaller.keyOf(request) == null) {
            // With sign-in on, an admin's browser session may read the actuator too: Spring Security decides.
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
        Optional<ApiKeyHolder> found = keys.find(key);
        if (found.isEmpty()) {
            failures.acquire(client, properties.failedAttemptsPerMinute());
            Problems.write(json, response, HttpStatus.UNAUTHORIZED, "API key required",
                    "Send a valid API key in the X-API-Key header (or as Authorization: Bearer <key>).",
                    request.getRequestURI());
            return;
        }
        ApiKeyHolder holder = found.get();
        if (actuator && keys.ofAccounts() && !holder.admin()) {
            Problems.write(json, response, HttpStatus.FORBIDDEN, "Admins only",
                    "The actuator endpoints other than health are for admins; this key's user is not one.",
                    request.getRequestURI());
            return;
        }
        long waitSeconds = limiter.acquire(holder.limitName(), holder.requestsPerMinute());
        if (waitSeconds > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
            Problems.write(json, response, HttpStatus.TOO_MANY_REQUESTS, "Rate limit reached",
                    holder.description() + " may make " + holder.requestsPerMinute()
                            + " requests a minute. Try again in " + waitSeconds + " s.", request.getRequestURI());
            return;
        }
        ApiCaller.admitted(request, holder);
        chain.doFilter(request, response);
    }
}
