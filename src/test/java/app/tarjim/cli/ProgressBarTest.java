package app.tarjim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.tarjim.pipeline.models.DownloadProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final AtomicLong clock = new AtomicLong();
    private final StringWriter err = new StringWriter();
    private final ProgressBar bar = new ProgressBar(new PrintWriter(err), clock::get);

    private static DownloadProgress at(long bytes) {
        return new DownloadProgress("Xenova/opus-mt-ar-en", "onnx/encoder_model_quantized.onnx", 1, 3, bytes, 8_000_000,
                bytes, 10_000_000);
    }

    @Test
    void showsMegabytesDoneOfTotalAndSpeedThenEndsTheLineWhenDone() {
        bar.onProgress(at(0));
        clock.set(2_000_000_000L);
        bar.onProgress(at(5_000_000));
        clock.set(4_000_000_000L);
        bar.onProgress(at(10_000_000));

        String[] draws = err.toString().split("\r");
        assertThat(draws[2].strip()).isEqualTo("Xenova/opus-mt-ar-en [2/3] onnx/encoder_model_quantized.onnx "
                + "[============>           ] 5.0/10.0 MB 2.5 MB/s");
        assertThat(draws[3]).startsWith("Xenova/opus-mt-ar-en [2/3] onnx/encoder_model_quantized.onnx "
                + "[========================] 10.0/10.0 MB 2.5 MB/s").endsWith(System.lineSeparator());
    }

    @Test
    void redrawsAtMostFiveTimesASecond() {
        bar.onProgress(at(0));
        for (int i = 1; i < 100; i++) {
            clock.addAndGet(1_000_000L);
            bar.onProgress(at(i * 1000L));
        }

        assertThat(err.toString().split("\r")).hasSize(2);
    }
}
