package app.tarjim.api;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void allowsABurstUpToTheLimitThenAsksToWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("k", 3)).isZero();
        }
        assertThat(limiter.acquire("k", 3)).isEqualTo(20); // one token per 20 s at 3 a minute
    }

    @Test
    void refillsOverTime() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("k", 3);
        }
        now.addAndGet(20_000_000_000L);
        assertThat(limiter.acquire("k", 3)).isZero();
        assertThat(limiter.acquire("k", 3)).isPositive();
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        assertThat(limiter.acquire("a", 1)).isZero();
        assertThat(limiter.acquire("a", 1)).isPositive();
        assertThat(limiter.acquire("b", 1)).isZero();
    }
}
