package app.tarjim.article;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Makes share tokens: 192 random bits, URL-safe base64 without padding (32 characters). */
@Component
class ShareTokenGenerator {

    static final int RANDOM_BYTES = 24;
    static final int TOKEN_LENGTH = 32;
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + TOKEN_LENGTH + "}");

    private final SecureRandom random = new SecureRandom();
    private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

    String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return encoder.encodeToString(bytes);
    }

    /** Lets a lookup reject junk before it reaches the database. */
    static boolean looksLikeToken(String candidate) {
        return candidate != null && TOKEN_SHAPE.matcher(candidate).matches();
    }
}
