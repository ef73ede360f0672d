package app.tarjim.libretranslate;

import app.tarjim.api.ApiProperties;
import app.tarjim.api.RateLimiter;
import app.tarjim.security.ApiCaller;
import app.tarjim.security.ApiKeyHolder;
import app.tarjim.security.ApiKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tarjim's API keys and per-key limits for the LibreTranslate paths, which lie outside {@code /api} and so
 * outside {@code ApiKeyFilter}. The key comes in {@code api_key} as LibreTranslate clients send it (or in the
 * headers Tarjim's own API reads). Limits and failed-key counts are the ones the {@code /api} filter keeps, so
 * a key has one budget for both APIs. Answers are LibreTranslate's: 403 for a missing or wrong key, 429 over
 * the limit.
 */
@Component
class KeyCheck {

    private final ApiProperties properties;
    private final ApiKeys keys;
    private final RateLimiter requests;
    private final RateLimiter failures;

    KeyCheck(ApiProperties properties, ApiKeys keys, @Qualifier("apiKeyRequestLimiter") RateLimiter requests,
             @Qualifier("apiKeyFailureLimiter") RateLimiter failures) {
        this.properties = properties;
        this.keys = keys;
        this.requests = requests;
        this.failures = failures;
    }

    /** Whether calls need a key: keys in tarjim.api.keys, or sign-in on (users' keys). */
    boolean required() {
        return keys.required();
    }

    /** The owner of the work this call makes; throws the LibreTranslate error when it may not go ahead. */
    String admit(HttpServletRequest request, String apiKey) {
        String key = apiKey == null || apiKey.isBlank() ? ApiCaller.keyOf(request) : apiKey.strip();
        if (!keys.required()) {
            return ApiCaller.ownerOfKey(key);   // as /api does: a key, needed or not, keeps its work apart
        }
        String client = request.getRemoteAddr();
        if (failures.waitSeconds(client, properties.failedAttemptsPerMinute()) > 0) {
            throw new LibreTranslateException(HttpStatus.FORBIDDEN, "Too many request limits violations");
        }
        ApiKeyHolder holder = keys.find(key).orElse(null);
        if (holder == null) {
            failures.acquire(client, properties.failedAttemptsPerMinute());
            throw new LibreTranslateException(HttpStatus.FORBIDDEN, key == null
                    ? "Please contact the server operator to get an API key" : "Invalid API key");
        }
        int perMinute = holder.requestsPerMinute();
        long wait = requests.acquire(holder.limitName(), perMinute);
        if (wait > 0) {
            throw new RateLimited(perMinute, wait);
        }
        ApiCaller.admitted(request, holder);
        return holder.owner();
    }

    /** LibreTranslate's 429, with how long to wait for Retry-After. */
    static final class RateLimited extends LibreTranslateException {
        private final long retryAfterSeconds;

        RateLimited(int perMinute, long retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, "Slowdown: " + perMinute + " per 1 minute");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
