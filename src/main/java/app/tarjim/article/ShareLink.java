package app.tarjim.article;

import java.time.Instant;
import java.util.UUID;

/**
 * A public, unguessable link to one article's result.
 *
 * @param expiresAt null when the link never expires
 * @param revokedAt null unless the owner revoked the link
 */
public record ShareLink(String token, UUID articleId, Instant createdAt, Instant expiresAt, Instant revokedAt) {

    public static final String PATH_PREFIX = "/s/";

    /** Server-relative path of the shared page, e.g. {@code /s/Zk3...}. */
    public String path() {
        return PATH_PREFIX + token;
    }

    public boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
