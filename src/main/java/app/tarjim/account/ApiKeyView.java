package app.tarjim.account;

import java.time.Instant;
import java.util.UUID;

/** An API key as its owner sees it in settings: never the key itself, which is shown once when made. */
public record ApiKeyView(UUID id, String accountName, String name, String prefix, int requestsPerMinute,
                         Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
