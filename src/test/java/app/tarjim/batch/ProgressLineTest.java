package app.tarjim.batch;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    @Test
    void showsBarCountsFailuresAndEta() {
        assertThat(ProgressLine.of(new BatchProgress(40, 20, 2, 17, 1, 0, 65L)))
                .isEqualTo("[###########-------------] 17/40 done, 1 failed, ETA 1:05");
        assertThat(ProgressLine.of(new BatchProgress(3, 0, 0, 3, 0, 0, null)))
                .isEqualTo("[########################] 3/3 done");
    }

    @Test
    void etaIsTheRemainingItemsAtTheRateSoFar() {
        Instant start = Instant.parse("2024-03-01T10:00:00Z");
        assertThat(BatchJobStore.Eta.estimate(10, start, start.plusSeconds(50), 30)).isEqualTo(150L);
        assertThat(BatchJobStore.Eta.estimate(0, start, start.plusSeconds(50), 30)).isNull();
        assertThat(BatchJobStore.Eta.estimate(10, start, start.plusSeconds(50), 0)).isNull();
        assertThat(ProgressLine.duration(7530)).isEqualTo("2:05:30");
    }
}
