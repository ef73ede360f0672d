package app.tarjim.account;

import java.time.Instant;
import java.util.UUID;

/** An account, without its password hash. */
public record Account(UUID id, String name, boolean admin, boolean enabled, String source, int failedLogins,
                      Instant lockedUntil, Instant lastLoginAt, Instant createdAt) {

    public static final String LOCAL = "local";
    public static final String OIDC = "oidc";

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
