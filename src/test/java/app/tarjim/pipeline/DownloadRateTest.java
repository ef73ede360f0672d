package app.tarjim.pipeline;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadRateTest {

    @Test
    void bytesResumedFromAnEarlierRunAreNotCountedAsFetched() {
        AtomicLong now = new AtomicLong();
        DownloadRate rate = new DownloadRate(now::get);
        assertThat(rate.bytesPerSecond(50_000_000)).isZero(); // 50 MB were already on disk
        now.addAndGet(2_000_000_000L);
        assertThat(rate.bytesPerSecond(58_000_000)).isEqualTo(4_000_000.0);
    }
}
