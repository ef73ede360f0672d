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

    /** Request attribute holding the {@link ApiKeyHolder} the key filter admitted the request as. */
    public static final String HOLDER_ATTRIBUTE = ApiCaller.class.getName() + ".holder";

    /** The owner of what this request creates and may read. */
    public static String ownerOf(HttpServletRequest request) {
        if (request.getAttribute(HOLDER_ATTRIBUTE) instanceof ApiKeyHolder holder) {
            return holder.owner();
        }
        return ownerOfKey(keyOf(request));
    }

    /** Remembers who the key filter admitted this request as, for {@link #ownerOf} and {@link #mayRead}. */
    public static void admitted(HttpServletRequest request, ApiKeyHolder holder) {
        request.setAttribute(HOLDER_ATTRIBUTE, holder);
    }

    /** Whether the key filter admitted this request with an admin's key. */
    public static boolean admittedAdmin(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute(HOLDER_ATTRIBUTE) instanceof ApiKeyHolder holder && holder.admin();
    }

    /** Whether this request may read and change work recorded for {@code owner}: its own, or any for an admin key. */
    public static boolean mayRead(HttpServletRequest request, String owner) {
        if (request.getAttribute(HOLDER_ATTRIBUTE) instanceof ApiKeyHolder holder && holder.admin()) {
            return true;
        }
        return owner.equals(ownerOf(request));
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
