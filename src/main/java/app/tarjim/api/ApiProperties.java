package app.tarjim.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * HTTP API settings ({@code tarjim.api.*}).
 *
 * @param keys                  API keys and their requests per minute; empty means the API is open (self-hosted default)
 * @param defaultRequestsPerMinute limit for a key listed without its own figure
 * @param maxSyncChars          longest text {@code POST /api/v1/translate} answers synchronously
 */
@ConfigurationProperties("tarjim.api")
public record ApiProperties(Map<String, Integer> keys, Integer defaultRequestsPerMinute, Integer maxSyncChars) {

    public ApiProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        defaultRequestsPerMinute = defaultRequestsPerMinute == null ? 60 : defaultRequestsPerMinute;
        maxSyncChars = maxSyncChars == null ? 20_000 : maxSyncChars;
    }

    public boolean keysRequired() {
        return !keys.isEmpty();
    }

    public int requestsPerMinute(String key) {
        Integer limit = keys.get(key);
        return limit == null || limit <= 0 ? defaultRequestsPerMinute : limit;
    }
}
