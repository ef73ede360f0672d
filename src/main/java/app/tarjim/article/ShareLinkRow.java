package app.tarjim.article;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code share_link}; the version tells Spring Data JDBC a new token from an existing one. */
record ShareLinkRow(@Id String token, @Version Integer version, UUID articleId, Instant createdAt,
                    Instant expiresAt, Instant revokedAt, String sharedBy) {

    static ShareLinkRow newLink(String token, UUID articleId, Instant now, Instant expiresAt, String sharedBy) {
        return new ShareLinkRow(token, null, articleId, now, expiresAt, null, sharedBy);
    }

    ShareLinkRow revokedAt(Instant now) {
        return new ShareLinkRow(token, version, articleId, createdAt, expiresAt, now, sharedBy);
    }

    ShareLink toShareLink() {
        return new ShareLink(token, articleId, createdAt, expiresAt, revokedAt, sharedBy);
    }
}
