package app.tarjim.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per name (an API key, a client address): a name may burst up to its per-minute limit, and
 * tokens refill evenly over the minute. Answers how long to wait when a request is refused, for Retry-After.
 * Buckets that have refilled are dropped once there are many, so a flood of new names cannot grow it forever.
 */
public final class RateLimiter {

    private static final long MINUTE_NANOS = 60_000_000_000L;
    /** Past this many buckets, full ones (which hold nothing a new bucket would not) are dropped. */
    static final int PRUNE_ABOVE = 10_000;

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Takes a token: zero when the request may go ahead, otherwise the whole seconds to wait (at least 1). */
    public long acquire(String key, int perMinute) {
        if (buckets.size() > PRUNE_ABOVE) {
            prune(perMinute);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, nanoClock.getAsLong()));
        return bucket.take(perMinute, nanoClock.getAsLong(), true);
    }

    /** Like {@link #acquire} but takes nothing: how long {@code key} would have to wait now. */
    public long waitSeconds(String key, int perMinute) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? 0 : bucket.take(perMinute, nanoClock.getAsLong(), false);
    }

    int size() {
        return buckets.size();
    }

    private void prune(int perMinute) {
        long now = nanoClock.getAsLong();
        buckets.entrySet().removeIf(e -> e.getValue().isFull(perMinute, now));
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }

        synchronized long take(int capacity, long now, boolean consume) {
            double perNano = capacity / (double) MINUTE_NANOS;
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                if (consume) {
                    tokens -= 1;
                }
                return 0;
            }
            double waitNanos = (1 - tokens) / perNano;
            return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        }

        synchronized boolean isFull(int capacity, long now) {
            return tokens + (now - last) * (capacity / (double) MINUTE_NANOS) >= capacity;
        }
    }
}
