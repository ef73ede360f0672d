package app.tarjim.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per API key: a key may burst up to its per-minute limit, and tokens refill evenly
 * over the minute. Answers how long to wait when a request is refused, for the Retry-After header.
 */
public final class RateLimiter {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Zero when the request may go ahead, otherwise the whole seconds to wait (at least 1). */
    public long acquire(String key, int perMinute) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, nanoClock.getAsLong()));
        return bucket.take(perMinute, nanoClock.getAsLong());
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }

        synchronized long take(int capacity, long now) {
            double perNano = capacity / (double) MINUTE_NANOS;
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double waitNanos = (1 - tokens) / perNano;
            return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        }
    }
}
