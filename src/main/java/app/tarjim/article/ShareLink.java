package app.tarjim.article;

import java.time.Instant;
import java.util.UUID;

/**
 * A public, unguessable link to one article's result.
 *
 * @param expiresAt null when the link never expires
 * @param revokedAt null unless the owner revoked the link
 * @param sharedBy  the name the shared page shows as "Shared by"; null unless the person sharing chose to show it
 */
public record ShareLink(String token, UUID articleId, Instant createdAt, Instant expiresAt, Instant revokedAt,
                        String sharedBy) {

    public ShareLink(String token, UUID articleId, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        this(token, articleId, createdAt, expiresAt, revokedAt, null);
    }

    public static final String PATH_PREFIX = "/s/";

    /** Server-relative path of the shared page, e.g. {@code /s/Zk3...}. */
    public String path() {
        return PATH_PREFIX + token;
    }

    public boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
