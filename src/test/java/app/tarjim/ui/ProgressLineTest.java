package app.tarjim.ui;

import app.tarjim.pipeline.models.DownloadProgress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    @Test
    void aModelFetchedForItsFirstUseSaysHowFarItIs() {
        DownloadProgress nllb = new DownloadProgress("Xenova/nllb-200-distilled-600M", "onnx/encoder_model_quantized.onnx",
                3, 9, 120_000_000, 419_000_000, 120_400_000, 895_000_000);
        assertThat(ProgressLine.fetchingText(nllb)).isEqualTo("Fetching Xenova/nllb-200-distilled-600M for its first "
                + "use: 120 of 895 MB (13%). The translation starts when it is here; you can cancel.");
        DownloadProgress unknownSize = new DownloadProgress("Xenova/distilbart-cnn-12-6", "config.json", 1, 9, 2_000, 0,
                2_600_000, 0);
        assertThat(ProgressLine.fetchingText(unknownSize)).startsWith("Fetching Xenova/distilbart-cnn-12-6 for its "
                + "first use: 3 MB.");
    }

    @Test
    void theFetchLineReplacesTheTextOnlyWhileTheArticleRuns() {
        ProgressLine line = new ProgressLine();
        DownloadProgress nllb = new DownloadProgress("Xenova/nllb-200-distilled-600M", "x", 1, 1, 1, 2, 1, 2);
        line.fetching(nllb);
        assertThat(line.label.getText()).isEmpty();
        line.start("Preparing the models and cutting the article into sentences…");
        line.fetching(nllb);
        assertThat(line.label.getText()).startsWith("Fetching Xenova/nllb-200-distilled-600M");
        line.finish("Done.");
        line.fetching(nllb);
        assertThat(line.label.getText()).doesNotStartWith("Fetching");
    }
}
