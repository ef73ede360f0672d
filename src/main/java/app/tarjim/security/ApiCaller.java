package app.tarjim.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who an HTTP API call is made by: the API key it carries ({@code X-API-Key} or {@code Authorization: Bearer}),
 * and the owner recorded for what it creates (articles, batches and the articles batches make). One owner per
 * key (a hash, never the key itself), or the shared owner {@value #OPEN_OWNER} when the API is open.
 */
public final class ApiCaller {

    public static final String KEY_HEADER = "X-API-Key";
    /** Owner of work made through an API that needs no key. */
    public static final String OPEN_OWNER = "api";

    private ApiCaller() {
    }

    /** The API key a request carries, in X-API-Key or as a bearer token; null when it carries none. */
    public static String keyOf(HttpServletRequest request) {
        String key = request.getHeader(KEY_HEADER);
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String bearer = auth.substring(7).strip();
            return bearer.isEmpty() ? null : bearer;
        }
        return null;
    }

    /** The owner of what this request creates and may read. */
    public static String ownerOf(HttpServletRequest request) {
        return ownerOfKey(keyOf(request));
    }

    public static String ownerOfKey(String key) {
        if (key == null) {
            return OPEN_OWNER;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "api-key:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
