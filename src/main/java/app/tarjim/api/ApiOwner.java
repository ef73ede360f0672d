package app.tarjim.api;

import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The owner recorded for articles made through the API: one per API key (a hash, never the key), or
 * a shared "api" owner when the API is open.
 */
final class ApiOwner {

    private ApiOwner() {
    }

    static String of(HttpServletRequest request) {
        String key = ApiKeyFilter.keyOf(request);
        if (key == null) {
            return "api";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "api-key:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
