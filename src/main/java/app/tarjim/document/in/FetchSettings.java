package app.tarjim.document.in;

import java.time.Duration;

/**
 * Limits on fetching an article by URL.
 *
 * @param maxBytes              the largest page body read
 * @param timeout               wall-clock time for the whole fetch: lookups, connects, redirects and body
 * @param allowPrivateAddresses whether loopback, private and link-local addresses may be fetched
 */
public record FetchSettings(long maxBytes, Duration timeout, boolean allowPrivateAddresses) {

    public FetchSettings {
        if (maxBytes <= 0 || timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Fetch limits must be positive: " + maxBytes + " bytes, " + timeout);
        }
    }
}
