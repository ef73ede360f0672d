package app.tarjim.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.Map;

/**
 * HTTP API settings ({@code tarjim.api.*}).
 *
 * @param keys                     API keys and their requests per minute; empty means the API is open (self-hosted default)
 * @param defaultRequestsPerMinute limit for a key listed without its own figure
 * @param maxSyncChars             longest text (in characters, i.e. code points) {@code POST /api/v1/translate} answers synchronously
 * @param failedAttemptsPerMinute  missing or wrong keys one client address may send a minute before it is refused for a while
 * @param maxBodySize              largest JSON or form body; multipart uploads have their own limit
 * @param maxGlossaryTerms         most glossary terms one request may carry
 */
@ConfigurationProperties("tarjim.api")
public record ApiProperties(Map<String, Integer> keys, Integer defaultRequestsPerMinute, Integer maxSyncChars,
                            Integer failedAttemptsPerMinute, DataSize maxBodySize, Integer maxGlossaryTerms) {

    public ApiProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        defaultRequestsPerMinute = defaultRequestsPerMinute == null ? 60 : defaultRequestsPerMinute;
        maxSyncChars = maxSyncChars == null ? 20_000 : maxSyncChars;
        failedAttemptsPerMinute = failedAttemptsPerMinute == null || failedAttemptsPerMinute < 1 ? 20
                : failedAttemptsPerMinute;
        // 100,000 characters of Arabic sent as \\uXXXX escapes (Python's json.dumps default) is 600 KB.
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(2) : maxBodySize;
        maxGlossaryTerms = maxGlossaryTerms == null ? 5_000 : maxGlossaryTerms;
    }

    public boolean keysRequired() {
        return !keys.isEmpty();
    }

    public int requestsPerMinute(String key) {
        Integer limit = keys.get(key);
        return limit == null || limit <= 0 ? defaultRequestsPerMinute : limit;
    }
}
